import { useEffect, useState } from 'react';
import type { AiUsageSummary } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { compactCount, groupedCount, milliseconds, percent, usd } from './format';
import { providerLabelFrom } from './model-catalog';
import { clearResponseCache } from './response-cache';
import { useChatStore } from './store';

const ranges = [
  { id: 'day', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { id: 'week', label: 'Last 7 days', ms: 7 * 24 * 3_600_000 },
  { id: 'month', label: 'Last 30 days', ms: 30 * 24 * 3_600_000 },
  { id: 'all', label: 'All time', ms: null },
] as const;
type RangeId = (typeof ranges)[number]['id'];

type Summary = { state: 'loading' } | { state: 'loaded'; summary: AiUsageSummary } | { state: 'failed'; message: string };

const numeric = 'ai-usage-number';

/** "AI: Show Usage": requests, tokens, cost, latency and errors per provider, and per model and feature. */
export function UsageDialog() {
  const [range, setRange] = useState<RangeId>('week');
  const [result, setResult] = useState<{ range: RangeId; summary: Summary } | null>(null);
  const label = providerLabelFrom(useChatStore((state) => state.providers));
  useEffect(() => {
    let cancelled = false;
    const span = ranges.find((candidate) => candidate.id === range)?.ms ?? null;
    host()
      .ai.usageSummary(span === null ? {} : { since: Date.now() - span })
      .then(
        (summary) => {
          if (!cancelled) setResult({ range, summary: { state: 'loaded', summary } });
        },
        (error: unknown) => {
          if (!cancelled) setResult({ range, summary: { state: 'failed', message: errorMessage(error) } });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [range]);
  const summary: Summary = result?.range === range ? result.summary : { state: 'loading' };
  return (
    <>
      <div className="ai-usage-toolbar">
        <div className="ai-segmented" role="radiogroup" aria-label="Period">
          {ranges.map((candidate) => (
            <button key={candidate.id} type="button" role="radio" aria-checked={range === candidate.id} className={range === candidate.id ? 'checked' : ''} onClick={() => setRange(candidate.id)}>
              {candidate.label}
            </button>
          ))}
        </div>
        <button type="button" className="button ai-button-secondary ai-push-right" onClick={() => void clearResponseCache()}>
          Clear Response Cache
        </button>
      </div>
      {summary.state === 'loading' ? <p className="ai-dialog-intro">Loading…</p> : null}
      {summary.state === 'failed' ? <p className="ai-provider-error">{summary.message}</p> : null}
      {summary.state === 'loaded' && summary.summary.rows.length === 0 ? <p className="ai-dialog-intro">No AI requests in this period.</p> : null}
      {summary.state === 'loaded' && summary.summary.rows.length > 0 ? (
        <>
          <h3 className="ai-subheading">By provider</h3>
          <table className="ai-usage-table" data-testid="ai-usage-providers">
            <thead>
              <tr>
                <th>Provider</th>
                <th className={numeric}>Requests</th>
                <th className={numeric}>Errors</th>
                <th className={numeric}>Cached</th>
                <th className={numeric}>Tokens in</th>
                <th className={numeric}>Tokens out</th>
                <th className={numeric}>Cost</th>
                <th className={numeric}>p50</th>
                <th className={numeric}>p95</th>
                <th className={numeric}>First token p50</th>
              </tr>
            </thead>
            <tbody>
              {summary.summary.providers.map((row) => (
                <tr key={row.provider}>
                  <td>{label(row.provider)}</td>
                  <td className={numeric}>{groupedCount(row.requests)}</td>
                  <td className={numeric}>{`${groupedCount(row.errors)} (${percent(row.errorRate)})`}</td>
                  <td className={numeric}>{groupedCount(row.cachedRequests)}</td>
                  <td className={numeric}>{compactCount(row.inputTokens)}</td>
                  <td className={numeric}>{compactCount(row.outputTokens)}</td>
                  <td className={numeric}>{usd(row.costUsd)}</td>
                  <td className={numeric}>{milliseconds(row.latencyP50Ms)}</td>
                  <td className={numeric}>{milliseconds(row.latencyP95Ms)}</td>
                  <td className={numeric}>{milliseconds(row.timeToFirstTokenP50Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="ai-subheading">By model and feature</h3>
          <table className="ai-usage-table" data-testid="ai-usage-rows">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Model</th>
                <th>Feature</th>
                <th className={numeric}>Requests</th>
                <th className={numeric}>Error rate</th>
                <th className={numeric}>Tokens in</th>
                <th className={numeric}>Tokens out</th>
                <th className={numeric}>Cost</th>
                <th className={numeric}>p50</th>
                <th className={numeric}>p95</th>
              </tr>
            </thead>
            <tbody>
              {summary.summary.rows.map((row) => (
                <tr key={`${row.provider}:${row.model}:${row.feature}`}>
                  <td>{label(row.provider)}</td>
                  <td className="ai-usage-model" title={row.model}>
                    {row.model}
                  </td>
                  <td>{row.feature}</td>
                  <td className={numeric}>{groupedCount(row.requests)}</td>
                  <td className={numeric}>{percent(row.errorRate)}</td>
                  <td className={numeric}>{compactCount(row.inputTokens)}</td>
                  <td className={numeric}>{compactCount(row.outputTokens)}</td>
                  <td className={numeric}>{usd(row.costUsd)}</td>
                  <td className={numeric}>{milliseconds(row.latencyP50Ms)}</td>
                  <td className={numeric}>{milliseconds(row.latencyP95Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
