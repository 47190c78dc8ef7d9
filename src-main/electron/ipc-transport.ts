import type { ChannelOptions } from 'birpc';
import type { Logger } from 'pino';
import { electronRpcChannel as rpcChannel, envelopeSchema } from '../../src-shared/rpc/wire';
import type { Connection, Router } from '../host/router';
import { isTrustedSender, type FrameLike } from './sender-check';


/** The parts of Electron's WebContents the transport uses (structural, so tests can forge them). */
export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
  on(event: 'did-navigate', listener: () => void): unknown;
}

export interface IpcEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: IpcEventLike, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcEventLike, message: unknown) => void): unknown;
}

export interface IpcTransport {
  /** Closes every window's connection and stops listening. */
  dispose(): void;
}

interface WindowLink {
  readonly connection: Connection;
  readonly inbox: { deliver: (message: unknown) => void };
}

/** Logging every forged message would let a hostile page fill the disk. */
const droppedMessageLogLimit = 20;

/**
 * Serves the host's router to every window over Electron IPC. A window's connection is opened on
 * its first trusted message and closed when its page goes away (reload, crash, close), so a
 * reloaded page never inherits the streams of the page before it.
 */
export function createIpcTransport({ ipcMain, router, logger }: { ipcMain: IpcMainLike; router: Router; logger: Logger }): IpcTransport {
  const links = new Map<number, WindowLink>();
  const watched = new WeakSet<WebContentsLike>();
  let dropped = 0;

  const drop = (reason: string, sender: WebContentsLike, url: string | null): void => {
    dropped += 1;
    if (dropped > droppedMessageLogLimit) return;
    logger.warn({ webContents: sender.id, url: url?.slice(0, 200) ?? null }, `dropped an IPC message: ${reason}`);
    if (dropped === droppedMessageLogLimit) logger.warn('further dropped IPC messages are not logged');
  };

  const unlink = (id: number): void => {
    const link = links.get(id);
    if (!link) return;
    links.delete(id);
    link.connection.close();
  };

  const watch = (contents: WebContentsLike): void => {
    if (watched.has(contents)) return;
    watched.add(contents);
    const id = contents.id;
    contents.once('destroyed', () => unlink(id));
    contents.on('render-process-gone', () => unlink(id));
    // Committed main-frame navigations only (reloads included): a navigation that the shell refuses
    // starts but never commits, and the page that tried it keeps its connection and subscriptions.
    contents.on('did-navigate', () => unlink(id));
  };

  const linkFor = (contents: WebContentsLike): WindowLink => {
    const existing = links.get(contents.id);
    if (existing) return existing;
    watch(contents);
    // birpc registers its message handler while the connection is being built.
    const inbox: { deliver: (message: unknown) => void } = { deliver: () => undefined };
    const channel: ChannelOptions = {
      post: (message) => {
        if (!contents.isDestroyed()) contents.send(rpcChannel, message);
      },
      on: (handler) => {
        inbox.deliver = handler;
      },
    };
    const link: WindowLink = { connection: router.connect(channel, 'window'), inbox };
    links.set(contents.id, link);
    return link;
  };

  const onMessage = (event: IpcEventLike, message: unknown): void => {
    let trusted = false;
    let url: string | null = null;
    try {
      const frame = event.senderFrame;
      url = typeof frame?.url === 'string' ? frame.url : null;
      trusted = isTrustedSender(frame, event.sender.mainFrame);
    } catch {
      // A frame or web contents destroyed while the message was in flight.
    }
    if (!trusted) return drop('the sender is not the app’s top frame', event.sender, url);
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return drop('not an RPC envelope', event.sender, url);
    linkFor(event.sender).inbox.deliver(envelope.data);
  };

  ipcMain.on(rpcChannel, onMessage);

  return {
    dispose() {
      ipcMain.removeListener(rpcChannel, onMessage);
      for (const id of [...links.keys()]) unlink(id);
    },
  };
}
