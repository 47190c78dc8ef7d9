import { pluginHostFramePath, pluginHostOrigin } from '../../../../src-shared/plugin-host-frame';
import type { FrameMessage, FramePing, FrameStart } from './frame-protocol';

/** How long a frame may take to load before the plugin counts as failed to start. */
const frameLoadTimeoutMs = 15_000;

export interface PluginFrame {
  /** The workbench's end of the plugin's channel; the other end is in the plugin's worker only. */
  readonly port: MessagePort;
  /** Whether the frame answers within `timeoutMs`: false once the process it ran in is gone. */
  isAlive(timeoutMs: number): Promise<boolean>;
  /** Removes the frame: its worker, and whatever the worker started, stop at once. */
  dispose(): void;
}

/**
 * Opens a hidden sandboxed frame (opaque origin, no same-origin access) on the plugin host origin
 * for one plugin, and starts the plugin's worker in it with one end of a new MessageChannel.
 * `onError` hears what the worker could not report itself (a script that does not parse).
 */
export function openPluginFrame(options: { pluginId: string; script: string; onError(message: string): void }): Promise<PluginFrame> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.plugin = options.pluginId;
  frame.className = 'plugin-host-frame';
  frame.src = `${pluginHostOrigin(location)}${pluginHostFramePath}`;

  const pongs = new Set<() => void>();
  const isAlive = (timeoutMs: number): Promise<boolean> =>
    new Promise((resolve) => {
      const answered = (): void => {
        clearTimeout(timer);
        pongs.delete(answered);
        resolve(true);
      };
      const timer = setTimeout(() => {
        pongs.delete(answered);
        resolve(false);
      }, timeoutMs);
      pongs.add(answered);
      const ping: FramePing = { kind: 'ping' };
      frame.contentWindow?.postMessage(ping, '*');
    });

  return new Promise((resolve, reject) => {
    let port: MessagePort | undefined;
    const dispose = (): void => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timeout);
      port?.close();
      frame.remove();
    };
    const onMessage = (event: MessageEvent<FrameMessage | null>): void => {
      if (event.source !== frame.contentWindow || !event.source) return;
      const message = event.data;
      if (message?.kind === 'ready' && !port) {
        clearTimeout(timeout);
        const channel = new MessageChannel();
        port = channel.port1;
        const start: FrameStart = { kind: 'start', script: options.script, name: options.pluginId };
        event.source.postMessage(start, { targetOrigin: '*', transfer: [channel.port2] });
        resolve({ port, isAlive, dispose });
      } else if (message?.kind === 'pong') {
        for (const answered of [...pongs]) answered();
      } else if (message?.kind === 'error' && typeof message.message === 'string') {
        options.onError(message.message);
      }
    };
    const timeout = setTimeout(() => {
      dispose();
      reject(new Error('The plugin host frame did not load'));
    }, frameLoadTimeoutMs);
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
