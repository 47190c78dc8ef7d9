import { useEffect } from 'react';
import { runCommand } from '../../app/commands';
import { Codicon } from '../../platform/ui/Codicon';
import { closeAiDialog } from './dialogs';
import { refreshProviders } from './model-catalog';
import { ProviderCard } from './ProviderCard';
import { reportError } from './report-error';
import { useChatStore } from './store';

/** "AI: Manage Providers": every provider with its status, keys, health and the embedded model. */
export function ProvidersDialog() {
  const providers = useChatStore((state) => state.providers);
  useEffect(() => {
    refreshProviders().catch(reportError('list the AI providers'));
  }, []);
  return (
    <>
      <p className="ai-dialog-intro">
        Chat tries the providers in this order unless <code>ai.routing.chat</code> says otherwise; when one fails, the next one answers and the chat says so.
      </p>
      {providers.length === 0 ? (
        <p className="ai-dialog-intro">
          <Codicon name="loading" className="codicon-modifier-spin" /> Loading…
        </p>
      ) : null}
      {providers.map((provider) => (
        <ProviderCard key={provider.id} provider={provider} />
      ))}
      <p className="ai-dialog-footnote">
        Ollama, LM Studio, llama.cpp server, vLLM and other OpenAI-compatible servers are added in <code>ai.compatible.servers</code>; threads, context size and GPU
        use of the embedded model are in the AI settings.{' '}
        <button
          type="button"
          className="ai-link-button"
          onClick={() => {
            closeAiDialog();
            void runCommand('workbench.action.openSettings');
          }}
        >
          Open Settings
        </button>
      </p>
    </>
  );
}
