import { z } from 'zod';
import { aiAnswererSchema, aiFailureSchema, type AiAnswerer, type AiFailure, type LatheErrorData } from '../../../src-shared/contract';

/** A few words for why a provider did not answer; the failure's message says it in full. */
export const failureWords: Record<AiFailure['code'], string> = {
  'not-configured': 'not set up',
  'circuit-open': 'paused after repeated failures',
  busy: 'busy',
  'rate-limited': 'rate limited',
  'server-error': 'server error',
  timeout: 'timed out',
  connection: 'unreachable',
  auth: 'key refused',
  'bad-request': 'request refused',
  'malformed-response': 'malformed answer',
  'model-unavailable': 'model unavailable',
  unsupported: 'not supported',
};

/** Names a provider by its label where the workbench knows it, else by its id. */
export type ProviderLabel = (providerId: string) => string;

/** "Test Server failed (unreachable), answered by Local model": one line for a chain of fallbacks. */
export function fallbackSummary(failed: readonly { from: AiAnswerer; reason: AiFailure }[], answeredBy: AiAnswerer | null, label: ProviderLabel): string {
  const failures = failed.map((fallback) => `${label(fallback.from.provider)} failed (${failureWords[fallback.reason.code]})`).join(', ');
  return answeredBy ? `${failures}, answered by ${label(answeredBy.provider)}` : failures;
}

const failureDetailsSchema = z.object({
  failures: z.array(aiAnswererSchema.extend({ reason: aiFailureSchema })).default([]),
  messageId: z.string().optional(),
});

export type ProviderFailure = z.infer<typeof failureDetailsSchema>['failures'][number];

/** What a failed chat request says in its error's details: each provider's failure and the answer kept for it. */
export function failureDetails(error: LatheErrorData): { failures: ProviderFailure[]; messageId: string | undefined } {
  const parsed = failureDetailsSchema.safeParse(error.details ?? {});
  return parsed.success ? { failures: parsed.data.failures, messageId: parsed.data.messageId } : { failures: [], messageId: undefined };
}
