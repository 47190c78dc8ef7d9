import { describe, expect, it } from 'vitest';
import { authorize, tokenCookieName } from '../../../src-main/server/auth';

const expected = { token: 'correct-token-value', port: 4567 };
const base = { url: '/', host: '127.0.0.1:4567', origin: undefined, cookie: undefined };

describe('browser-mode authorization', () => {
  it('accepts the token in the query and flags it for exchange', () => {
    expect(authorize({ ...base, url: '/?token=correct-token-value' }, expected)).toEqual({ allowed: true, tokenInQuery: true });
  });

  it('accepts the token from its per-port cookie', () => {
    const cookie = `other=1; ${tokenCookieName(4567)}=correct-token-value; x=y`;
    expect(authorize({ ...base, cookie }, expected)).toEqual({ allowed: true, tokenInQuery: false });
  });

  it.each([
    ['no token', base],
    ['a wrong token', { ...base, url: '/?token=wrong' }],
    ['a token prefix', { ...base, url: '/?token=correct' }],
    ['another port’s cookie', { ...base, cookie: `${tokenCookieName(4568)}=correct-token-value` }],
  ])('answers 401 to %s', (_label, request) => {
    expect(authorize(request, expected)).toMatchObject({ allowed: false, status: 401 });
  });

  it.each([
    ['a foreign Origin', { ...base, url: '/?token=correct-token-value', origin: 'http://evil.example' }],
    ['an Origin on another port', { ...base, url: '/?token=correct-token-value', origin: 'http://127.0.0.1:9999' }],
    ['an https Origin', { ...base, url: '/?token=correct-token-value', origin: 'https://127.0.0.1:4567' }],
    ['a rebinding Host', { ...base, url: '/?token=correct-token-value', host: 'evil.example:4567' }],
    ['no Host', { ...base, url: '/?token=correct-token-value', host: undefined }],
  ])('answers 403 to %s, even with the right token', (_label, request) => {
    expect(authorize(request, expected)).toMatchObject({ allowed: false, status: 403 });
  });

  it('accepts the app’s own origins', () => {
    for (const origin of ['http://127.0.0.1:4567', 'http://localhost:4567']) {
      expect(authorize({ ...base, url: '/?token=correct-token-value', origin }, expected).allowed).toBe(true);
    }
  });
});
