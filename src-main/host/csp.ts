/**
 * The renderer's Content Security Policy, the same in both shells. Monaco works under it:
 * no `unsafe-eval`, workers from our own origin only.
 */
export function contentSecurityPolicy({ connectSources }: { connectSources: readonly string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
