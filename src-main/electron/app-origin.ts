/** The renderer's own origin. Every window of the app loads from it, and only from it. */
export const appScheme = 'app';
export const appHost = 'lathe';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Whether a URL belongs to the app's origin. Node's URL reports an opaque origin ("null") for
 * schemes it does not know, so scheme and host are compared instead of `URL.origin`.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The URL to hand to the system browser, or undefined for anything but http and https. */
export function externalWebUrl(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.href : undefined;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
