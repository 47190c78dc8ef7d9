import { LatheError, type AiAnswerer, type AiFailure, type AiModelRef, type AiUsage } from '../../../src-shared/contract';
import { callWithPolicies } from './attempt';
import { checkAvailable, failureOf, recordUsage, requestFailure, type GenerationDeps } from './generation';
import { costUsd, priceOf } from './model-catalog';
import { estimateTokens } from './tokens';

/** Embeddings from the first provider of the route that answers (vectors of different models do not mix: see `answeredBy`). */
export async function embedTexts(
  deps: GenerationDeps,
  route: AiModelRef[],
  texts: string[],
  signal: AbortSignal,
): Promise<{ answeredBy: AiAnswerer; vectors: number[][]; usage: AiUsage }> {
  const failures: { provider: string; model: string; reason: AiFailure }[] = [];
  const resilience = deps.resilience();
  for (const entry of route) {
    let model = entry.model ?? 'default';
    const startedAt = performance.now();
    try {
      const { provider, guard } = await checkAvailable(deps.registry.get(entry.provider), entry.provider, 'embeddings', deps, resilience);
      model = entry.model ?? (await provider.defaultModel('embeddings', signal));
      const result = await callWithPolicies({ provider, guard, settings: resilience, signal }, (callSignal) => provider.embed(model, texts, callSignal));
      const inputTokens = result.inputTokens ?? texts.reduce((sum, text) => sum + estimateTokens(text), 0);
      const usage: AiUsage = {
        inputTokens,
        outputTokens: 0,
        exact: result.inputTokens !== null,
        costUsd: provider.free ? 0 : costUsd(priceOf(provider.id, model, deps.settings('ai.prices')), inputTokens, 0),
        timeToFirstTokenMs: null,
        totalMs: performance.now() - startedAt,
      };
      const answeredBy = { provider: provider.id, model };
      recordUsage(deps, 'embeddings', answeredBy, usage, 'ok', null, false);
      return { answeredBy, vectors: result.vectors, usage };
    } catch (error) {
      if (signal.aborted) throw new LatheError('CANCELLED', 'The request was cancelled');
      failures.push({ provider: entry.provider, model, reason: failureOf(error) });
    }
  }
  throw requestFailure({ failures, error: undefined }, undefined);
}
