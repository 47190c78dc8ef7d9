/** A remote URL without user name or password, for showing (scp-like `host:path` URLs pass unchanged). */
export function withoutCredentials(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed || (!parsed.username && !parsed.password)) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** `host[:port]` of an HTTP(S) remote, the key its credentials are stored under; undefined for other transports. */
export function credentialHost(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.host : undefined;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
