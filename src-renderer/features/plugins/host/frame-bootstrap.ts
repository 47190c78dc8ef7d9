/**
 * The whole script of the plugin host frame (inlined into plugin-host.html, allowed by its hash).
 * It starts one worker from the script its parent sends and hands the worker the parent's port, and
 * answers its parent's pings (a frame whose process died does not). It listens to its parent only
 * and passes nothing between workers. The frame's CSP forbids network.
 */
import type { FrameMessage, FramePing, FrameStart } from './frame-protocol';

const post = (message: FrameMessage): void => window.parent.postMessage(message, '*');
let started = false;

window.addEventListener('message', (event: MessageEvent<Partial<FrameStart> | FramePing | null>) => {
  const port = event.ports[0];
  const { data } = event;
  if (event.source !== window.parent) return;
  if (data?.kind === 'ping') {
    post({ kind: 'pong' });
    return;
  }
  if (started || !port || data?.kind !== 'start' || typeof data.script !== 'string') return;
  started = true;
  const url = URL.createObjectURL(new Blob([data.script], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: String(data.name) });
  URL.revokeObjectURL(url);
  // Errors the runtime inside could not report itself, such as a plugin script that does not parse.
  worker.addEventListener('error', (error) => post({ kind: 'error', message: error.message, line: error.lineno }));
  worker.postMessage(null, [port]);
});

post({ kind: 'ready' });
