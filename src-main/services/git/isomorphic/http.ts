import http from 'isomorphic-git/http/node';
import type { HttpClient } from 'isomorphic-git';

/** isomorphic-git's Node HTTP client with every request tied to an AbortSignal, so cancelling stops the transfer. */
export function abortableHttp(signal: AbortSignal): HttpClient {
  return { request: (request) => http.request({ ...request, signal }) };
}
