import { Codicon } from '../../platform/ui/Codicon';
import { showAiDialog } from './dialogs';
import { useChatStore } from './store';

/** The empty chat: what it can do, and a way to set up a provider when none is. */
export function Welcome() {
  const providers = useChatStore((state) => state.providers);
  const unconfigured = providers.length > 0 && !providers.some((provider) => provider.configured);
  return (
    <div className="chat-welcome" data-testid="chat-welcome">
      <Codicon name="sparkle" className="chat-welcome-icon" />
      <h3>Ask about your code</h3>
      <p>Answers stream here with the code they suggest, ready to copy, insert at the cursor or open as a new file.</p>
      <ul className="chat-welcome-hints">
        <li>
          <Codicon name="mention" /> Type <kbd>@</kbd> to attach files, folders, open editors or terminal output.
        </li>
        <li>
          <Codicon name="law" /> AGENTS.md, .lathe/rules/*.md and .cursorrules go with every question.
        </li>
        <li>
          <Codicon name="shield" /> Files that may hold secrets are only sent when you allow them.
        </li>
      </ul>
      {unconfigured ? (
        <div className="chat-welcome-setup">
          <p>No AI provider is set up yet: add an API key, an OpenAI-compatible server, or a local GGUF model.</p>
          <button type="button" className="button" onClick={() => showAiDialog('providers')}>
            Manage Providers
          </button>
        </div>
      ) : null}
    </div>
  );
}
