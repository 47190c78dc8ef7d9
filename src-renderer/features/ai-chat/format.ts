/** 950, 1.2k, 128k, 1.5M: token counts as the meter shows them. */
export function compactCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 1_000_000) return `${trimZero((count / 1000).toFixed(count < 10_000 ? 1 : 0))}k`;
  return `${trimZero((count / 1_000_000).toFixed(1))}M`;
}

export function groupedCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** US dollars: cents for larger sums, more digits for the fractions a few requests cost. */
export function usd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount < 0.01) return `$${amount.toFixed(4)}`;
  return `$${amount.toFixed(2)}`;
}

export function milliseconds(value: number | null): string {
  if (value === null) return '—';
  return value < 1000 ? `${String(Math.round(value))} ms` : `${(value / 1000).toFixed(1)} s`;
}

export function percent(ratio: number): string {
  return `${trimZero((ratio * 100).toFixed(1))}%`;
}

export function bytes(count: number): string {
  if (count < 1024) return `${String(count)} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(0)} KB`;
  if (count < 1024 * 1024 * 1024) return `${(count / 1024 / 1024).toFixed(1)} MB`;
  return `${(count / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", or the date. */
export function timeAgo(time: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${String(minutes)} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${String(hours)} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${String(days)} days ago`;
  return new Date(time).toLocaleDateString();
}

function trimZero(text: string): string {
  return text.replace(/\.0$/, '');
}
