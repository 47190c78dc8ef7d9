import { ProviderError } from './provider';
import { maskSecrets } from './redaction';

/** How long a server asks us to wait: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const milliseconds = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Classifies an HTTP error status the way every provider's API uses them. */
export function failureFromStatus(label: string, status: number, detail: string, headers?: Headers): ProviderError {
  const message = `${label} answered ${status}: ${maskSecrets(detail).text.slice(0, 500)}`;
  if (status === 429) {
    const afterMs = retryAfterMs(headers);
    return new ProviderError('rate-limited', message, afterMs === undefined ? { retryable: true } : { retryable: true, afterMs });
  }
  if (status === 401 || status === 403) return new ProviderError('auth', message);
  if (status === 404) return new ProviderError('model-unavailable', message);
  if (status === 408 || status === 409 || status >= 500) {
    const afterMs = retryAfterMs(headers);
    return new ProviderError('server-error', message, afterMs === undefined ? { retryable: true } : { retryable: true, afterMs });
  }
  return new ProviderError('bad-request', message);
}
