/** "45s", "2m 5s", "1h 3m": how long something took, as GitHub Actions writes it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${String(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${String(minutes)}m ${String(seconds % 60)}s`;
  return `${String(Math.floor(minutes / 60))}h ${String(minutes % 60)}m`;
}

/** How long a run, job or step took, or has taken so far; empty before it started. */
export function elapsed(startedAt: number | null, finishedAt: number | null, now: number): string {
  return startedAt === null ? '' : formatDuration((finishedAt ?? now) - startedAt);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** "5 min. ago", "yesterday", "now". */
export function timeAgo(time: number, now: number): string {
  const since = now - time;
  for (const [unit, size] of units) {
    if (since >= size) return relative.format(-Math.floor(since / size), unit);
  }
  return relative.format(0, 'second');
}
