import type { Logger } from 'pino';
import { LatheError, type AiAnswerer, type AiChatChunk, type AiFailure, type AiFeature, type AiModelRef, type AiToolCall, type AiUsage } from '../../../src-shared/contract';
import { AsyncChannel } from './async-channel';
import { AttemptCancelled, runAttempt, type AttemptEvent } from './attempt';
import type { ResponseCache } from './cache';
import { costUsd, priceOf } from './model-catalog';
import { ProviderError, type AiProvider, type FinishReason, type ProviderEvent, type ProviderMessage } from './provider';
import type { ProviderRegistry, SettingsReader } from './provider-registry';
import type { ProviderGuard, ProviderGuards, ResilienceSettings } from './resilience';
import { estimateTokens } from './tokens';
import type { UsageLedger } from './usage';

export type NoticeChunk = Extract<AiChatChunk, { kind: 'notice' }>;
/** What a generation streams; every feature's stream carries these (chat adds its own around them). */
export type GenerationEvent = Extract<AiChatChunk, { kind: 'answering' | 'fallback' | 'notice' | 'text' | 'toolCall' }>;

/** A provider and model ready to be asked: the request is built for this model's window and tokenizer. */
export interface PreparedRequest {
  open(signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>>;
  /** Set when the answer may come from (and go to) the response cache. */
  cacheKey: string | undefined;
  notices: NoticeChunk[];
  promptTokens: number;
}

export interface GenerationPlan {
  feature: AiFeature;
  route: AiModelRef[];
  prepare(provider: AiProvider, model: string, signal: AbortSignal): Promise<PreparedRequest>;
}

export interface GenerationOutcome {
  /** `stopped`: cancelled; `error`: no provider could answer, or one failed while answering. */
  status: 'complete' | 'stopped' | 'error';
  answeredBy: AiAnswerer | undefined;
  text: string;
  toolCalls: AiToolCall[];
  finishReason: FinishReason;
  usage: AiUsage | undefined;
  cached: boolean;
  /** Each provider that failed, in the order tried. */
  failures: { provider: string; model: string; reason: AiFailure }[];
  /** Why the request failed in the end. */
  error: AiFailure | undefined;
}

/** Asks a feature's route with plain messages (no tools), streaming what the model says. */
export type AskModel = (messages: ProviderMessage[], options?: AskOptions) => Promise<GenerationOutcome>;

export interface AskOptions {
  /** Asked before the route (the model that gave the answer being followed up). */
  first?: AiModelRef;
  /** The last message is this context followed by this text; the context may be cut to fit the model's window. */
  lastContext?: { context: string; text: string };
}

/** What a generation that ran to its end said, and who said it. */
export interface CompletedAnswer {
  text: string;
  answeredBy: AiAnswerer;
  usage: AiUsage;
  cached: boolean;
}

export interface GenerationDeps {
  registry: ProviderRegistry;
  guards: ProviderGuards;
  resilience: () => ResilienceSettings;
  cache: ResponseCache;
  ledger: UsageLedger;
  settings: SettingsReader;
  logger: Logger;
}

/**
 * The route of a feature: the model picked in the UI first, then the feature's route from settings;
 * with no route set, every configured provider that can serve the feature (cloud with a key, then
 * OpenAI-compatible servers, then the embedded model).
 */
export async function routeFor(feature: AiFeature, picked: AiModelRef | undefined, registry: ProviderRegistry, settings: SettingsReader): Promise<AiModelRef[]> {
  let route = settings(`ai.routing.${feature}`);
  if (route.length === 0) {
    const automatic: AiModelRef[] = [];
    for (const provider of registry.all()) {
      if (provider.supports(feature) && (await provider.setup()).configured) automatic.push({ provider: provider.id });
    }
    route = automatic;
  }
  const seen = new Set<string>();
  return (picked ? [picked, ...route] : route).filter((entry) => {
    const key = `${entry.provider}\u0000${entry.model ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Answer {
  answered: boolean;
  text: string;
  toolCalls: AiToolCall[];
  finish: Extract<ProviderEvent, { type: 'finish' }> | undefined;
  firstOutputAt: number | undefined;
}

/**
 * Asks the route's providers in turn until one answers, streaming what it says. A provider that fails
 * before saying anything (not set up, circuit open, busy, failed after its retries) is reported with a
 * `fallback` event and the next one is asked; one that fails while answering ends the generation.
 * Every provider asked leaves a row in the usage ledger.
 */
export async function* generate(deps: GenerationDeps, plan: GenerationPlan, signal: AbortSignal): AsyncGenerator<GenerationEvent, GenerationOutcome> {
  const failures: GenerationOutcome['failures'] = [];
  const resilience = deps.resilience();
  const answer: Answer = { answered: false, text: '', toolCalls: [], finish: undefined, firstOutputAt: undefined };
  const outcome = (status: GenerationOutcome['status'], extra: Partial<GenerationOutcome> = {}): GenerationOutcome => ({
    status,
    answeredBy: undefined,
    text: answer.text,
    toolCalls: answer.toolCalls,
    finishReason: answer.finish?.reason ?? 'stop',
    usage: undefined,
    cached: false,
    failures,
    error: undefined,
    ...extra,
  });
  if (plan.route.length === 0) {
    return outcome('error', {
      error: {
        code: 'not-configured',
        message: `No AI provider is set up for ${plan.feature}: add an OpenAI or Anthropic key, an OpenAI-compatible server (ai.compatible.servers) or a local GGUF model (ai.local.modelPath)`,
      },
    });
  }

  for (const [index, entry] of plan.route.entries()) {
    const startedAt = performance.now();
    let model = entry.model ?? 'default';
    let asked = false;
    try {
      const { provider, guard } = await checkAvailable(deps.registry.get(entry.provider), entry.provider, plan.feature, deps, resilience);
      model = entry.model ?? (await provider.defaultModel(plan.feature, signal));
      const answerer = { provider: provider.id, model };
      const prepared = await plan.prepare(provider, model, signal);
      yield* prepared.notices;
      const cached = prepared.cacheKey ? deps.cache.get(prepared.cacheKey) : undefined;
      if (cached) {
        yield { kind: 'answering', provider: provider.id, model, cached: true };
        answer.text = cached.text;
        answer.toolCalls = cached.toolCalls;
        if (cached.text) yield { kind: 'text', text: cached.text };
        for (const call of cached.toolCalls) yield { kind: 'toolCall', call };
        const elapsed = performance.now() - startedAt;
        const usage: AiUsage = { inputTokens: cached.inputTokens, outputTokens: cached.outputTokens, exact: true, costUsd: 0, timeToFirstTokenMs: elapsed, totalMs: elapsed };
        recordUsage(deps, plan.feature, answerer, usage, 'ok', null, true);
        return outcome('complete', { answeredBy: answerer, finishReason: cached.finishReason, usage, cached: true });
      }
      asked = true;
      yield* streamAnswer(deps, { provider, guard, settings: resilience, open: (attemptSignal) => prepared.open(attemptSignal), signal }, answerer, answer);
      const usage = usageOf(deps, provider, model, answer, prepared.promptTokens, startedAt);
      recordUsage(deps, plan.feature, answerer, usage, 'ok', null, false);
      const finishReason = answer.finish?.reason ?? 'stop';
      if (prepared.cacheKey && finishReason !== 'content-filter') {
        deps.cache.set(
          prepared.cacheKey,
          provider.id,
          model,
          { text: answer.text, toolCalls: answer.toolCalls, finishReason, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
          deps.settings('ai.cache.ttlHours') * 3_600_000,
        );
      }
      return outcome('complete', { answeredBy: answerer, finishReason, usage });
    } catch (error) {
      const answerer = { provider: entry.provider, model };
      const cancelled = signal.aborted || error instanceof AttemptCancelled;
      if (cancelled || answer.answered) {
        const provider = deps.registry.get(entry.provider);
        const usage = provider ? usageOf(deps, provider, model, answer, 0, startedAt) : undefined;
        const reason = cancelled ? undefined : failureOf(error);
        if (usage) recordUsage(deps, plan.feature, answerer, usage, cancelled ? 'cancelled' : 'error', reason?.code ?? null, false);
        if (cancelled) return outcome('stopped', { answeredBy: answer.answered ? answerer : undefined, usage });
        failures.push({ ...answerer, reason: reason as AiFailure });
        return outcome('error', { answeredBy: answerer, usage, error: reason });
      }
      const reason = failureOf(error);
      if (asked) {
        const elapsed = performance.now() - startedAt;
        recordUsage(deps, plan.feature, answerer, { inputTokens: 0, outputTokens: 0, exact: false, costUsd: null, timeToFirstTokenMs: null, totalMs: elapsed }, 'error', reason.code, false);
      }
      deps.logger.warn({ feature: plan.feature, provider: entry.provider, model, code: reason.code }, 'AI provider could not answer');
      failures.push({ ...answerer, reason });
      const next = plan.route[index + 1];
      yield { kind: 'fallback', from: answerer, reason, to: next ? { provider: next.provider, model: next.model ?? 'default' } : null };
    }
  }
  const summary = failures.map((failure) => `${failure.provider}: ${failure.reason.message}`).join('; ');
  const last = failures.at(-1)?.reason;
  return outcome('error', { error: { code: last?.code ?? 'not-configured', message: `No AI provider could answer. ${summary}` } });
}

/** Throws the reason a provider cannot be asked now; returns it with its guard when it can. */
export async function checkAvailable(
  provider: AiProvider | undefined,
  id: string,
  feature: AiFeature,
  deps: Pick<GenerationDeps, 'guards'>,
  resilience: ResilienceSettings,
): Promise<{ provider: AiProvider; guard: ProviderGuard }> {
  if (!provider) throw new ProviderError('not-configured', `There is no AI provider "${id}"`);
  if (!provider.supports(feature)) throw new ProviderError('unsupported', `${provider.label} cannot serve ${feature} requests`);
  const setup = await provider.setup();
  if (!setup.configured) {
    const missing = setup.keySet === false ? 'no API key is set' : 'it is not set up';
    throw new ProviderError('not-configured', `${provider.label} was skipped: ${missing}`);
  }
  const guard = deps.guards.get(provider.id, resilience);
  if (guard.circuit === 'open') {
    throw new ProviderError('circuit-open', `${provider.label} is skipped after repeated failures; it is tried again within ${Math.ceil(resilience.cooldownMs / 1000)} s`);
  }
  return { provider, guard };
}

/** Runs one provider's attempt and turns its events into the stream's events, filling `answer`. */
async function* streamAnswer(
  deps: GenerationDeps,
  attempt: { provider: AiProvider; guard: ProviderGuard; settings: ResilienceSettings; open: (signal: AbortSignal) => Promise<AsyncIterable<ProviderEvent>>; signal: AbortSignal },
  answerer: AiAnswerer,
  answer: Answer,
): AsyncGenerator<GenerationEvent, void> {
  const channel = new AsyncChannel<AttemptEvent>();
  // A cancel ends the stream at once, even while a retry waits out its backoff.
  const onAbort = (): void => channel.fail(new AttemptCancelled());
  attempt.signal.addEventListener('abort', onAbort, { once: true });
  runAttempt({ ...attempt, sink: channel }).then(
    () => channel.end(),
    (error: unknown) => channel.fail(error),
  );
  const answering = (): GenerationEvent[] => {
    if (answer.answered) return [];
    answer.answered = true;
    answer.firstOutputAt = performance.now();
    return [{ kind: 'answering', provider: answerer.provider, model: answerer.model, cached: false }];
  };
  try {
    for await (const event of channel) {
      switch (event.type) {
        case 'retrying':
          deps.logger.info({ provider: answerer.provider, model: answerer.model }, 'AI request retried');
          yield { kind: 'notice', code: 'retrying', message: event.message };
          break;
        case 'text':
          yield* answering();
          answer.text += event.text;
          yield { kind: 'text', text: event.text };
          break;
        case 'toolCall':
          yield* answering();
          answer.toolCalls.push(event.call);
          yield { kind: 'toolCall', call: event.call };
          break;
        case 'finish':
          // An empty answer still says who gave it.
          yield* answering();
          answer.finish = event;
          break;
      }
    }
  } finally {
    attempt.signal.removeEventListener('abort', onAbort);
  }
}

function usageOf(deps: GenerationDeps, provider: AiProvider, model: string, answer: Answer, promptTokens: number, startedAt: number): AiUsage {
  const reported = answer.finish?.usage;
  const inputTokens = reported?.inputTokens ?? promptTokens;
  const outputTokens = reported?.outputTokens ?? estimateTokens(answer.text + answer.toolCalls.map((call) => call.arguments).join(''));
  const cost = provider.free ? 0 : costUsd(priceOf(provider.id, model, deps.settings('ai.prices')), inputTokens, outputTokens);
  return {
    inputTokens,
    outputTokens,
    exact: reported !== undefined,
    costUsd: cost,
    timeToFirstTokenMs: answer.firstOutputAt === undefined ? null : answer.firstOutputAt - startedAt,
    totalMs: performance.now() - startedAt,
  };
}

export function recordUsage(deps: GenerationDeps, feature: AiFeature, answerer: AiAnswerer, usage: AiUsage, outcome: 'ok' | 'error' | 'cancelled', errorCode: string | null, cached: boolean): void {
  deps.ledger.record({
    at: Date.now(),
    feature,
    provider: answerer.provider,
    model: answerer.model,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    tokensExact: usage.exact,
    costUsd: usage.costUsd,
    timeToFirstTokenMs: usage.timeToFirstTokenMs,
    latencyMs: usage.totalMs,
    outcome,
    errorCode,
    cached,
  });
}

export function failureOf(error: unknown): AiFailure {
  if (error instanceof ProviderError) return error.toFailure();
  return { code: 'malformed-response', message: error instanceof Error ? error.message.slice(0, 300) : 'The provider failed' };
}

/** The answer of a generation that completed; undefined when it was cancelled. A failed one throws its error. */
export function completedAnswer(outcome: GenerationOutcome): CompletedAnswer | undefined {
  if (outcome.status === 'error') throw requestFailure(outcome, undefined);
  if (outcome.status !== 'complete' || !outcome.answeredBy || !outcome.usage) return undefined;
  return { text: outcome.text, answeredBy: outcome.answeredBy, usage: outcome.usage, cached: outcome.cached };
}

/** The error a request ends with when no provider answered: every failure is in its details. */
export function requestFailure(outcome: Pick<GenerationOutcome, 'failures' | 'error'>, messageId: string | undefined): LatheError {
  const summary = outcome.failures.map((failure) => `${failure.provider}: ${failure.reason.message}`).join('; ');
  const message = outcome.error?.message ?? (summary ? `No AI provider could answer. ${summary}` : 'No AI provider is set up for this request');
  return new LatheError('UNAVAILABLE', message, { failures: outcome.failures, ...(messageId ? { messageId } : {}) });
}
