import { useState } from 'react';
import type { AiProviderStatus } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { Codicon } from '../../platform/ui/Codicon';
import { ApiKeyRow } from './ApiKeyRow';
import { milliseconds } from './format';
import { LocalModelSection } from './LocalModelSection';
import { reportError } from './report-error';
import { useChatStore } from './store';

const kindLabels: Record<AiProviderStatus['kind'], string> = {
  openai: 'OpenAI API',
  anthropic: 'Anthropic API',
  'openai-compatible': 'OpenAI-compatible server',
  local: 'Embedded, offline',
};

/** Green when it answered its last check, red when it failed, grey when unknown or not set up. */
function statusOf(provider: AiProviderStatus): { tone: 'ok' | 'error' | 'unknown'; text: string } {
  if (!provider.configured) return { tone: 'unknown', text: 'Not set up' };
  if (provider.circuit === 'open') return { tone: 'error', text: 'Paused after repeated failures' };
  if (provider.health.state === 'error') return { tone: 'error', text: 'Unhealthy' };
  if (provider.health.state === 'ok') return { tone: 'ok', text: 'Healthy' };
  return { tone: 'unknown', text: 'Ready, not checked yet' };
}

/** One provider in "Manage Providers": its state, health, circuit, key and (for the embedded one) its model. */
export function ProviderCard({ provider }: { provider: AiProviderStatus }) {
  const [checking, setChecking] = useState(false);
  const status = statusOf(provider);
  const check = async (): Promise<void> => {
    setChecking(true);
    try {
      const [checked] = await host().ai.checkHealth({ provider: provider.id });
      if (checked) useChatStore.setState((state) => ({ providers: state.providers.map((other) => (other.id === checked.id ? checked : other)) }));
    } catch (error) {
      reportError(`check ${provider.label}`)(error);
    } finally {
      setChecking(false);
    }
  };
  const { health } = provider;
  return (
    <section className="ai-provider" data-testid="ai-provider" data-provider={provider.id} aria-label={provider.label}>
      <header className="ai-provider-header">
        <span className={`ai-status-dot ${status.tone}`} aria-hidden="true" />
        <h3>{provider.label}</h3>
        <span className="ai-provider-kind">{kindLabels[provider.kind]}</span>
        <button type="button" className="button ai-button-secondary ai-push-right" disabled={checking || !provider.configured} data-testid="ai-provider-check" onClick={() => void check()}>
          {checking ? <Codicon name="loading" className="codicon-modifier-spin" /> : <Codicon name="pulse" />} Check
        </button>
      </header>
      {provider.baseUrl ? <div className="ai-provider-url">{provider.baseUrl}</div> : null}
      <div className="ai-provider-field">
        <span className="ai-provider-field-name">Status</span>
        <span data-testid="ai-provider-status">{status.text}</span>
        {health.checkedAt !== null ? (
          <span className="ai-provider-detail">
            checked at {new Date(health.checkedAt).toLocaleTimeString()}
            {health.latencyMs !== null ? ` · ${milliseconds(health.latencyMs)}` : ''}
          </span>
        ) : null}
        {provider.circuit !== 'closed' ? <span className="chat-pill warning">circuit {provider.circuit}</span> : null}
      </div>
      {health.message && health.state === 'error' ? <p className="ai-provider-error">{health.message}</p> : null}
      {provider.keySecret ? <ApiKeyRow provider={provider} keySecret={provider.keySecret} /> : null}
      {provider.local ? <LocalModelSection local={provider.local} /> : null}
    </section>
  );
}
