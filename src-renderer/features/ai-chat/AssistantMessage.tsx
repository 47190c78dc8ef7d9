import { memo } from 'react';
import type { AiUsage } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import type { AnswerView } from './answer-view';
import { regenerate } from './chat-request';
import { copyToClipboard } from './code-actions';
import { compactCount, groupedCount, milliseconds, usd } from './format';
import { InlineEvents } from './InlineEvents';
import { MessageMarkdown } from './MessageMarkdown';
import { providerLabelFrom } from './model-catalog';
import { ProviderFailures } from './ProviderFailures';
import { useChatStore } from './store';
import { ToolCallBlock } from './ToolCallBlock';

function usageLine(usage: AiUsage): string {
  const cost = usage.costUsd === null ? '' : ` · ${usd(usage.costUsd)}`;
  // A stopped answer has no prompt count from its provider.
  const tokens = usage.inputTokens > 0 ? `${compactCount(usage.inputTokens)} → ${compactCount(usage.outputTokens)}` : compactCount(usage.outputTokens);
  return `${tokens} tokens${cost} · ${milliseconds(usage.totalMs)}`;
}

function usageDetails(usage: AiUsage): string {
  return [
    `Prompt: ${groupedCount(usage.inputTokens)} tokens${usage.exact ? '' : ' (estimated)'}`,
    `Answer: ${groupedCount(usage.outputTokens)} tokens`,
    `Cost: ${usage.costUsd === null ? 'no price for this model' : usd(usage.costUsd)}`,
    `First token after ${milliseconds(usage.timeToFirstTokenMs)}, done after ${milliseconds(usage.totalMs)}`,
  ].join('\n');
}

/** One answer: who gave it, what happened on the way (fallbacks, notices), its text, and what can be done with it. */
export const AssistantMessage = memo(function AssistantMessage({ answer, isLast }: { answer: AnswerView; isLast: boolean }) {
  const label = providerLabelFrom(useChatStore((state) => state.providers));
  const busy = useChatStore((state) => state.busy);
  const streaming = answer.status === 'waiting' || answer.status === 'streaming';
  return (
    <article
      className={`chat-message chat-answer status-${answer.status}`}
      data-testid="chat-answer"
      data-status={answer.status}
      data-provider={answer.answeredBy?.provider ?? ''}
      data-message-id={answer.id ?? undefined}
      aria-busy={streaming}
    >
      <header className="chat-message-header">
        <span className="chat-avatar assistant">
          <Codicon name="sparkle" />
        </span>
        <span className="chat-author" data-testid="chat-answerer" title={answer.answeredBy ? `${answer.answeredBy.model} (${label(answer.answeredBy.provider)})` : undefined}>
          {answer.answeredBy?.model ?? 'Lathe'}
        </span>
        {answer.answeredBy ? <span className="chat-author-detail">{label(answer.answeredBy.provider)}</span> : null}
        {answer.cached ? (
          <span className="chat-pill" title="Replayed from the response cache">
            cached
          </span>
        ) : null}
        {answer.status === 'stopped' ? (
          <span className="chat-pill" data-testid="chat-stopped">
            stopped
          </span>
        ) : null}
      </header>
      <InlineEvents events={answer.events} answeredBy={answer.answeredBy} label={label} />
      {answer.status === 'waiting' ? (
        <div className="chat-waiting">
          <Codicon name="loading" className="codicon-modifier-spin" />
          Working…
        </div>
      ) : null}
      {answer.text ? <MessageMarkdown text={answer.text} streaming={streaming} /> : null}
      {answer.status === 'stopped' && !answer.text ? <p className="chat-muted">Stopped before an answer arrived.</p> : null}
      {answer.toolCalls.map((call) => (
        <ToolCallBlock key={call.id} call={call} />
      ))}
      {answer.status === 'error' ? (
        <ProviderFailures
          message={answer.error?.message ?? 'The request failed'}
          failures={answer.failures}
          label={label}
          actions={
            isLast ? (
              <button type="button" className="button" disabled={busy} data-testid="chat-retry" onClick={regenerate}>
                Retry
              </button>
            ) : null
          }
        />
      ) : null}
      {streaming ? null : (
        <footer className="chat-message-actions">
          {answer.text ? (
            <button type="button" className="icon-button" title="Copy Answer" aria-label="Copy Answer" onClick={() => void copyToClipboard(answer.text)}>
              <Codicon name="copy" />
            </button>
          ) : null}
          {isLast && answer.status !== 'error' ? (
            <button type="button" className="icon-button" title="Regenerate" aria-label="Regenerate" data-testid="chat-regenerate" disabled={busy} onClick={regenerate}>
              <Codicon name="refresh" />
            </button>
          ) : null}
          {answer.usage ? (
            <span className="chat-usage" title={usageDetails(answer.usage)}>
              {usageLine(answer.usage)}
            </span>
          ) : null}
        </footer>
      )}
    </article>
  );
});
