import { compactCount, groupedCount } from './format';
import { useChatStore } from './store';

const ringRadius = 6;
const ringLength = 2 * Math.PI * ringRadius;

/** Tokens the next request takes against the model's window: a ring that fills, and the numbers. */
export function TokenMeter() {
  const meter = useChatStore((state) => state.meter);
  if (!meter) return null;
  if (meter.state === 'unavailable') {
    return (
      <span className="chat-token-meter unavailable" title={`Tokens cannot be counted: ${meter.message}`} data-testid="chat-token-meter">
        — tokens
      </span>
    );
  }
  const ratio = Math.min(1, meter.tokens / meter.contextWindow);
  const level = ratio > 0.9 ? 'full' : ratio > 0.7 ? 'high' : 'normal';
  const what = meter.source === 'sent' ? 'The last request took' : 'Sending this takes';
  const title = `${what} ${groupedCount(meter.tokens)} of ${groupedCount(meter.contextWindow)} tokens${meter.model ? ` (${meter.model})` : ''}${meter.exact ? '' : ', estimated'}: history, rules, the message and its text context.`;
  return (
    <span className={`chat-token-meter ${level}`} title={title} data-testid="chat-token-meter" data-tokens={meter.tokens}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle className="chat-token-ring-track" cx="8" cy="8" r={ringRadius} />
        <circle className="chat-token-ring" cx="8" cy="8" r={ringRadius} strokeDasharray={`${String(ratio * ringLength)} ${String(ringLength)}`} transform="rotate(-90 8 8)" />
      </svg>
      {compactCount(meter.tokens)} / {compactCount(meter.contextWindow)}
    </span>
  );
}
