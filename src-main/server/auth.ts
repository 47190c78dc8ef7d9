import { timingSafeEqual } from 'node:crypto';

export interface RequestFacts {
  /** The request target, e.g. `/?token=abc` or `/rpc`. */
  url: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
}

export type AuthDecision =
  | { allowed: true; tokenInQuery: boolean }
  | { allowed: false; status: 401 | 403; reason: string };

/** The name of the cookie that carries the token after the first visit; per port, as cookies ignore ports. */
export const tokenCookieName = (port: number): string => `lathe-token-${port}`;

/**
 * Decides whether a request to the browser-mode server may proceed. The server binds to
 * 127.0.0.1; this adds: a Host header naming that address (no DNS rebinding), no foreign
 * Origin (no cross-site page driving the socket), and the per-launch token from the URL or cookie.
 */
export function authorize(request: RequestFacts, expected: { token: string; port: number }): AuthDecision {
  const foreign = refuseForeign(request, expected.port);
  if (foreign) return foreign;
  const queryToken = new URL(request.url, 'http://placeholder').searchParams.get('token');
  if (queryToken !== null && sameSecret(queryToken, expected.token)) return { allowed: true, tokenInQuery: true };
  const cookieToken = readCookie(request.cookie, tokenCookieName(expected.port));
  if (cookieToken !== undefined && sameSecret(cookieToken, expected.token)) return { allowed: true, tokenInQuery: false };
  return { allowed: false, status: 401, reason: queryToken === null && cookieToken === undefined ? 'no token' : 'wrong token' };
}

/** A request naming another Host (DNS rebinding) or sent by another site's page is refused (403). */
export function refuseForeign(request: Pick<RequestFacts, 'host' | 'origin'>, port: number): Extract<AuthDecision, { allowed: false }> | undefined {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!request.host || !allowedHosts.includes(request.host.toLowerCase())) {
    return { allowed: false, status: 403, reason: `foreign Host header ${request.host ?? '(none)'}` };
  }
  if (request.origin !== undefined && !allowedHosts.some((host) => request.origin === `http://${host}`)) {
    return { allowed: false, status: 403, reason: `foreign Origin ${request.origin}` };
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
