import type { ProviderMessage } from './provider';

/**
 * The estimate used where no tokenizer is at hand (cloud models): one token per 4 bytes of UTF-8, which
 * is what OpenAI and Anthropic document for English text and slightly over-counts code, plus 4 tokens
 * of framing per message. Over-counting only trims history a little early, never overflows.
 */
export const messageOverheadTokens = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 4);
}

export function messageText(message: ProviderMessage): string {
  const calls = message.toolCalls?.map((call) => `${call.name}(${call.arguments})`).join('\n') ?? '';
  return calls ? `${message.content}\n${calls}` : message.content;
}

export interface FittedMessages {
  messages: ProviderMessage[];
  promptTokens: number;
  /** Earlier messages left out to fit the window. */
  droppedMessages: number;
  /** Characters cut from the last message's attached context. */
  truncatedChars: number;
}

/**
 * Fits a conversation into `budget` tokens: keeps the system prompt and the last turn, drops the oldest
 * turns (a user message with the answers and tool results after it) and, when the last turn alone is
 * too long, cuts its attached context (`context` of the last message) from the end. Returns undefined
 * when even that cannot fit.
 */
export function fitMessages(
  messages: ProviderMessage[],
  counts: number[],
  budget: number,
  lastMessageContext: { context: string; text: string } | undefined,
): FittedMessages | undefined {
  const total = (indices: number[]): number => indices.reduce((sum, index) => sum + (counts[index] ?? 0) + messageOverheadTokens, 0);
  const systemIndices = messages[0]?.role === 'system' ? [0] : [];
  const turnStarts = messages.flatMap((message, index) => (message.role === 'user' && index >= systemIndices.length ? [index] : []));
  const lastTurnStart = turnStarts.at(-1) ?? systemIndices.length;
  const lastTurn = range(lastTurnStart, messages.length);
  let earlierTurns = turnStarts.slice(0, -1).map((start, position) => range(start, turnStarts[position + 1] ?? lastTurnStart));
  const leading = range(systemIndices.length, turnStarts[0] ?? lastTurnStart);
  if (leading.length > 0 && lastTurnStart > systemIndices.length) earlierTurns = [leading, ...earlierTurns];

  let used = total(systemIndices) + total(lastTurn) + earlierTurns.reduce((sum, turn) => sum + total(turn), 0);
  let dropped = 0;
  while (used > budget && earlierTurns.length > 0) {
    const turn = earlierTurns.shift() as number[];
    used -= total(turn);
    dropped += turn.length;
  }
  const keptIndices = [...systemIndices, ...earlierTurns.flat(), ...lastTurn];
  const kept = keptIndices.map((index) => messages[index] as ProviderMessage);
  if (used <= budget) return { messages: kept, promptTokens: used, droppedMessages: dropped, truncatedChars: 0 };

  // The last turn alone is too long: cut the context attached to its last message, keeping what was typed.
  const last = kept.at(-1);
  if (!last || !lastMessageContext || lastMessageContext.context.length === 0) return undefined;
  const overTokens = used - budget;
  const lastCount = counts[messages.length - 1] ?? estimateTokens(last.content);
  const charsPerToken = last.content.length / Math.max(1, lastCount);
  const cut = Math.ceil(overTokens * charsPerToken * 1.1) + 64;
  if (cut >= lastMessageContext.context.length) return undefined;
  const keptContext = lastMessageContext.context.slice(0, lastMessageContext.context.length - cut);
  const note = `\n[… ${cut} characters of attached context were left out to fit the model's context window]\n`;
  const content = joinContext(keptContext + note, lastMessageContext.text);
  kept[kept.length - 1] = { ...last, content };
  const newCount = Math.ceil(content.length / charsPerToken);
  return { messages: kept, promptTokens: used - lastCount + newCount, droppedMessages: dropped, truncatedChars: cut };
}

/** A user message: the attached context first, then what the user typed. */
export function joinContext(context: string, text: string): string {
  return context ? `${context}\n\n${text}` : text;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}
