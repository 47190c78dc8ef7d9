import type { Database } from 'better-sqlite3';
import type { AiFeature, AiUsageRow, AiUsageSummary } from '../../../src-shared/contract';

export interface UsageRecord {
  at: number;
  feature: AiFeature;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  tokensExact: boolean;
  costUsd: number | null;
  timeToFirstTokenMs: number | null;
  latencyMs: number;
  outcome: 'ok' | 'error' | 'cancelled';
  errorCode: string | null;
  cached: boolean;
}

interface LedgerRow {
  at: number;
  feature: AiFeature;
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number | null;
  ttft_ms: number | null;
  latency_ms: number;
  outcome: string;
  cached: number;
}

/** Rows read for one summary at most; older ones beyond it are left out of the figures. */
const summaryRowLimit = 200_000;

/** One row per provider asked for every request: what it cost, how long it took, how it ended. */
export class UsageLedger {
  private readonly insert;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO ai_usage (at, feature, provider, model, input_tokens, output_tokens, tokens_exact, cost_usd, ttft_ms, latency_ms, outcome, error_code, cached)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record(entry: UsageRecord): void {
    this.insert.run(
        entry.at,
        entry.feature,
        entry.provider,
        entry.model,
        entry.inputTokens,
        entry.outputTokens,
        entry.tokensExact ? 1 : 0,
        entry.costUsd,
        entry.timeToFirstTokenMs,
        entry.latencyMs,
        entry.outcome,
        entry.errorCode,
        entry.cached ? 1 : 0,
      );
  }

  /** Totals, error rates and latency percentiles (cancelled requests count for tokens, not for latency or errors). */
  summary(since = 0, until = Number.MAX_SAFE_INTEGER): AiUsageSummary {
    const rows = this.db
      .prepare<[number, number, number], LedgerRow>(
        `SELECT at, feature, provider, model, input_tokens, output_tokens, cost_usd, ttft_ms, latency_ms, outcome, cached
         FROM ai_usage WHERE at >= ? AND at < ? ORDER BY at DESC LIMIT ?`,
      )
      .all(since, until, summaryRowLimit);
    const byModel = groupBy(rows, (row) => `${row.provider}\u0000${row.model}\u0000${row.feature}`);
    const byProvider = groupBy(rows, (row) => row.provider);
    const byDay = groupBy(rows, (row) => `${new Date(row.at).toISOString().slice(0, 10)}\u0000${row.provider}\u0000${row.model}`);
    return {
      rows: [...byModel.values()].map((group) => {
        const first = group[0] as LedgerRow;
        return { provider: first.provider, model: first.model, feature: first.feature, ...aggregate(group) };
      }),
      providers: [...byProvider.values()].map((group) => ({ provider: (group[0] as LedgerRow).provider, ...aggregate(group) })),
      daily: [...byDay.entries()]
        .map(([key, group]) => {
          const first = group[0] as LedgerRow;
          return {
            day: key.slice(0, 10),
            provider: first.provider,
            model: first.model,
            requests: group.length,
            inputTokens: sum(group, (row) => row.input_tokens),
            outputTokens: sum(group, (row) => row.output_tokens),
            costUsd: sum(group, (row) => row.cost_usd ?? 0),
          };
        })
        .sort((a, b) => a.day.localeCompare(b.day)),
    };
  }
}

function aggregate(group: LedgerRow[]): Omit<AiUsageRow, 'provider' | 'model' | 'feature'> {
  const finished = group.filter((row) => row.outcome !== 'cancelled');
  const errors = finished.filter((row) => row.outcome === 'error').length;
  const answered = finished.filter((row) => row.outcome === 'ok');
  const ttfts = answered.flatMap((row) => (row.ttft_ms === null ? [] : [row.ttft_ms]));
  return {
    requests: group.length,
    errors,
    errorRate: finished.length === 0 ? 0 : errors / finished.length,
    cachedRequests: group.filter((row) => row.cached === 1).length,
    inputTokens: sum(group, (row) => row.input_tokens),
    outputTokens: sum(group, (row) => row.output_tokens),
    costUsd: sum(group, (row) => row.cost_usd ?? 0),
    latencyP50Ms: percentile(answered.map((row) => row.latency_ms), 0.5),
    latencyP95Ms: percentile(answered.map((row) => row.latency_ms), 0.95),
    timeToFirstTokenP50Ms: percentile(ttfts, 0.5),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Nearest-rank percentile; null for no values. */
export function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? null;
}
