import { memo, useState, type KeyboardEvent } from 'react';
import type { AiAttachmentReport, AiMessage } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { editMessage } from './chat-request';
import { copyToClipboard } from './code-actions';
import { useChatStore } from './store';
import { pendingMessageId } from './thread-messages';

function reportTitle(report: AiAttachmentReport): string {
  if (report.status !== 'attached') return `${report.label}: not sent. ${report.reason ?? ''}`.trim();
  const masked = report.redactions > 0 ? `; ${String(report.redactions)} secret-looking string${report.redactions === 1 ? '' : 's'} masked` : '';
  return `${report.label}: ${String(report.tokens)} tokens${masked}`;
}

/** What went with a question, as the host reports it: attached, or refused and why. */
function AttachmentReports({ reports }: { reports: readonly AiAttachmentReport[] }) {
  return (
    <div className="chat-chips">
      {reports.map((report, index) => (
        <span key={index} className={`chat-chip readonly ${report.status}`} title={reportTitle(report)} data-testid="chat-attachment" data-status={report.status}>
          <Codicon name={report.status === 'attached' ? (report.path === null ? 'note' : 'file') : 'warning'} />
          <span className="chat-chip-label">{report.label.slice(report.label.lastIndexOf('/') + 1) || report.label}</span>
          {report.redactions > 0 ? <Codicon name="shield" /> : null}
        </span>
      ))}
    </div>
  );
}

function QuestionEditor({ message, onDone }: { message: AiMessage; onDone(): void }) {
  const [text, setText] = useState(message.content);
  const known = useChatStore((state) => state.sentAttachments[message.id]);
  const hadAttachments = (message.attachments?.length ?? 0) > 0;
  const submit = (): void => {
    if (text.trim() === '') return;
    onDone();
    editMessage(message.id, text.trim(), known ?? []);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };
  return (
    <div className="chat-question-editor">
      <textarea className="chat-input" aria-label="Edit message" data-testid="chat-edit-input" autoFocus value={text} onChange={(event) => setText(event.target.value)} onKeyDown={onKeyDown} />
      {hadAttachments && !known ? <p className="chat-muted">The context attached to this message earlier is not sent again.</p> : null}
      <div className="chat-question-editor-actions">
        <button type="button" className="button ai-button-secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="button" data-testid="chat-edit-send" onClick={submit}>
          Send
        </button>
      </div>
    </div>
  );
}

/** A question: its text and attachments, with Edit (which sends it again and answers anew) and Copy. */
export const UserMessage = memo(function UserMessage({ message }: { message: AiMessage }) {
  const [editing, setEditing] = useState(false);
  const busy = useChatStore((state) => state.busy);
  const pending = message.id === pendingMessageId;
  return (
    <article className="chat-message chat-question" data-testid="chat-question" data-message-id={message.id}>
      {editing ? (
        <QuestionEditor message={message} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="chat-question-text">{message.content}</div>
          {message.attachments && message.attachments.length > 0 ? <AttachmentReports reports={message.attachments} /> : null}
          {pending ? null : (
            <div className="chat-question-actions">
              <button type="button" className="icon-button" title="Edit and Resend" aria-label="Edit and Resend" data-testid="chat-edit" disabled={busy} onClick={() => setEditing(true)}>
                <Codicon name="edit" />
              </button>
              <button type="button" className="icon-button" title="Copy" aria-label="Copy" onClick={() => void copyToClipboard(message.content)}>
                <Codicon name="copy" />
              </button>
            </div>
          )}
        </>
      )}
    </article>
  );
});
