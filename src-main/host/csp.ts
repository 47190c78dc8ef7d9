/**
 * The renderer's Content Security Policy, the same in both shells. Monaco works under it:
 * no `unsafe-eval`, workers from our own origin only. Frames come from our own origin and the
 * plugin host's sibling origin (see src-shared/plugin-host-frame.ts).
 */
export function contentSecurityPolicy({ connectSources, frameSources }: { connectSources: readonly string[]; frameSources: readonly string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    `frame-src ${["'self'", ...frameSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The plugin host frame's policy: its one inline script (by hash), workers from the blob: URLs that
 * script makes, and nothing else: no network (workers inherit this policy), no other script, no eval.
 */
export function pluginHostContentSecurityPolicy({ scriptHash, frameAncestors }: { scriptHash: string; frameAncestors: readonly string[] }): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    'worker-src blob:',
    "connect-src 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A plugin webview page's policy: the plugin's HTML with its inline scripts and styles and `data:`
 * images and fonts; no network, no other frames or workers.
 */
export function pluginWebviewContentSecurityPolicy({ frameAncestors }: { frameAncestors: readonly string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'unsafe-inline'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
