import { Codicon } from '../../platform/ui/Codicon';
import type { SensitivePrompt } from './store';
import { answerWithoutSensitiveFiles, attachSensitiveFiles } from './thread-actions';

/** "This file may hold secrets — attach anyway?", asked before the model answers without it. */
export function SensitiveFilesPrompt({ prompt }: { prompt: SensitivePrompt }) {
  const several = prompt.paths.length > 1;
  return (
    <div className="chat-sensitive" role="alertdialog" aria-label="Attach files that may hold secrets?" data-testid="chat-sensitive-prompt">
      <div className="chat-error-message">
        <Codicon name="shield" />
        <span>
          {several ? 'These files may hold secrets' : 'This file may hold secrets'}: {prompt.paths.map((path) => <code key={path}>{path}</code>)}. Attach anyway?
        </span>
      </div>
      <p className="chat-muted">
        It matches the deny list (.env files, keys, certificates) or .lathe/ai-ignore. Secret-looking strings in it are still masked before anything is sent.
      </p>
      <div className="chat-error-actions">
        <button type="button" className="button" data-testid="chat-sensitive-attach" onClick={attachSensitiveFiles}>
          Attach Anyway
        </button>
        <button type="button" className="button ai-button-secondary" data-testid="chat-sensitive-skip" onClick={answerWithoutSensitiveFiles}>
          Send Without {several ? 'Them' : 'It'}
        </button>
      </div>
    </div>
  );
}
