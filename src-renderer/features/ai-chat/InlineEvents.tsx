import type { AiAnswerer } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { fallbackSummary, type ProviderLabel } from './failure-words';
import type { InlineEvent } from './live-answer';

const noticeTitles: Record<Extract<InlineEvent, { kind: 'notice' }>['code'], string> = {
  'history-trimmed': 'History trimmed.',
  'context-truncated': 'Context shortened.',
  retrying: 'Retrying.',
  'attachment-refused': 'Attachment refused.',
};

/** Fallbacks (one line: who failed and who answered) and notices, where they happened in the answer. */
export function InlineEvents({ events, answeredBy, label }: { events: readonly InlineEvent[]; answeredBy: AiAnswerer | null; label: ProviderLabel }) {
  const fallbacks = events.flatMap((event) => (event.kind === 'fallback' ? [event] : []));
  const notices = events.flatMap((event) => (event.kind === 'notice' ? [event] : []));
  const next = fallbacks.at(-1)?.to;
  const trying = !answeredBy && next ? `; trying ${label(next.provider)}…` : '';
  return (
    <>
      {fallbacks.length > 0 ? (
        <div
          className="chat-event warning"
          data-testid="chat-fallback"
          title={fallbacks.map((fallback) => `${label(fallback.from.provider)} (${fallback.from.model}): ${fallback.reason.message}`).join('\n')}
        >
          <Codicon name="warning" />
          <span>
            {fallbackSummary(fallbacks, answeredBy, label)}
            {trying}
          </span>
        </div>
      ) : null}
      {notices.map((notice, index) => (
        <div key={index} className="chat-event" data-testid="chat-notice" data-code={notice.code}>
          <Codicon name={notice.code === 'retrying' ? 'sync' : 'info'} />
          <span>
            <strong>{noticeTitles[notice.code]}</strong> {notice.message}
          </span>
        </div>
      ))}
    </>
  );
}
