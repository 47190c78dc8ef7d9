import type { ReactNode } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { failureWords, type ProviderFailure, type ProviderLabel } from './failure-words';
import { showAiDialog } from './dialogs';

interface ProviderFailuresProps {
  message: string;
  failures: readonly ProviderFailure[];
  label: ProviderLabel;
  /** Retry, when trying again makes sense here. */
  actions?: ReactNode;
}

/** A request no provider could answer: what each one said, and what the user can do next. */
export function ProviderFailures({ message, failures, label, actions }: ProviderFailuresProps) {
  // The message already says what a lone failure said; several are listed one per provider instead.
  const listed = failures.filter((failure) => failure.reason.message !== message);
  return (
    <div className="chat-error" role="alert" data-testid="chat-error">
      <div className="chat-error-message">
        <Codicon name="error" />
        <span>{listed.length > 1 ? 'No AI provider could answer.' : message}</span>
      </div>
      {listed.length > 0 ? (
        <ul className="chat-error-failures">
          {listed.map((failure, index) => (
            <li key={index} data-provider={failure.provider}>
              <strong>{label(failure.provider)}</strong>
              {failure.model !== 'default' ? <span className="chat-muted"> {failure.model}</span> : null}: {failureWords[failure.reason.code]} — {failure.reason.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chat-error-actions">
        {actions}
        <button type="button" className="button ai-button-secondary" onClick={() => showAiDialog('providers')}>
          Manage Providers
        </button>
      </div>
    </div>
  );
}
