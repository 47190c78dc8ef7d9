import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { aiToolCallSchema } from '../../../src-shared/contract';

const cachedAnswerSchema = z.object({
  text: z.string(),
  toolCalls: z.array(aiToolCallSchema),
  finishReason: z.enum(['stop', 'length', 'tool-calls', 'content-filter']),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
});
export type CachedAnswer = z.infer<typeof cachedAnswerSchema>;

/** The cache key: a hash of everything that shapes the answer (provider, model, parameters, messages). */
export function cacheKey(parts: { provider: string; model: string; parameters: unknown; messages: unknown }): string {
  return createHash('sha256').update(JSON.stringify([parts.provider, parts.model, parts.parameters, parts.messages])).digest('hex');
}

/** Answers to deterministic requests, kept in the profile database until they expire. */
export class ResponseCache {
  private readonly statements;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      get: db.prepare<[string, number], { response: string }>('SELECT response FROM ai_response_cache WHERE key = ? AND expires_at > ?'),
      set: db.prepare<[string, string, string, string, number, number]>(
        `INSERT INTO ai_response_cache (key, provider, model, response, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET response = excluded.response, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      ),
      expire: db.prepare<[number]>('DELETE FROM ai_response_cache WHERE expires_at <= ?'),
      clear: db.prepare('DELETE FROM ai_response_cache'),
    };
  }

  get(key: string): CachedAnswer | undefined {
    const row = this.statements.get.get(key, this.now());
    if (!row) return undefined;
    try {
      const parsed = cachedAnswerSchema.safeParse(JSON.parse(row.response));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, provider: string, model: string, answer: CachedAnswer, ttlMs: number): void {
    const at = this.now();
    this.statements.set.run(key, provider, model, JSON.stringify(answer), at, at + ttlMs);
    this.statements.expire.run(at);
  }

  clear(): number {
    return this.statements.clear.run().changes;
  }
}
