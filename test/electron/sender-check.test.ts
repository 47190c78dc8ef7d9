import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../../src-shared/contract';
import { createRpcClient } from '../../src-shared/rpc/client';
import { createRouter } from '../../src-main/host/router';
import { electronRpcChannel as rpcChannel } from '../../src-shared/rpc/wire';
import { createIpcTransport, type IpcEventLike, type WebContentsLike } from '../../src-main/electron/ipc-transport';
import { isTrustedSender, type FrameLike } from '../../src-main/electron/sender-check';

const appPage = 'app://lathe/index.html';

function frame(url: string, extra: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, processId: 4, routingId: 1, ...extra };
}

describe('isTrustedSender', () => {
  it('accepts the top frame of a window that shows the app', () => {
    const main = frame(appPage);
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender(frame('app://lathe/'), frame('app://lathe/'))).toBe(true);
  });

  it.each([
    ['a frame that is gone', null],
    ['a frame that is gone (undefined)', undefined],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, frame(appPage))).toBe(false);
  });

  it('refuses an iframe, even one of the app’s own origin', () => {
    const main = frame(appPage);
    const child = frame(appPage, { parent: main, routingId: 2 });
    expect(isTrustedSender(child, main)).toBe(false);
    const embedded = frame(appPage, { parent: frame('https://evil.example/') });
    expect(isTrustedSender(embedded, embedded)).toBe(false);
  });

  it('refuses a top-level frame that is not the window’s main frame (a fenced frame, a stale frame)', () => {
    const main = frame(appPage);
    expect(isTrustedSender(frame(appPage, { routingId: 7 }), main)).toBe(false);
    expect(isTrustedSender(frame(appPage, { processId: 9 }), main)).toBe(false);
    expect(isTrustedSender({ url: appPage, parent: null }, { url: appPage, parent: null })).toBe(false);
  });

  it('refuses a detached frame', () => {
    const main = frame(appPage, { detached: true });
    expect(isTrustedSender(main, main)).toBe(false);
  });

  it.each([
    'file:///home/user/index.html',
    'https://lathe/index.html',
    'http://localhost:5173/',
    'app://evil/index.html',
    'app://lathe.evil/index.html',
    'app://lathe:8080/index.html',
    'app://user@lathe/index.html',
    'app://user:secret@lathe/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses a top frame showing %s', (url) => {
    const main = frame(url);
    expect(isTrustedSender(main, main)).toBe(false);
  });

  it('refuses frames whose fields have the wrong types', () => {
    const forged = { url: 42, parent: null } as unknown as FrameLike;
    expect(isTrustedSender(forged, forged)).toBe(false);
    const undefinedParent = { url: appPage } as unknown as FrameLike;
    expect(isTrustedSender(undefinedParent, undefinedParent)).toBe(false);
  });
});

const testContract = {
  probe: {
    ping: method(z.object({ text: z.string() }), z.string()),
  },
} as const;

class FakeWebContents extends EventEmitter implements WebContentsLike {
  readonly sent: unknown[] = [];
  destroyed = false;
  constructor(
    readonly id: number,
    public mainFrame: FrameLike,
  ) {
    super();
  }
  send(channel: string, message: unknown): void {
    if (channel === rpcChannel) this.sent.push(message);
    this.emit('to-renderer', message);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

function setup() {
  const calls: string[] = [];
  const warnings: string[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) warnings.push(String((JSON.parse(line) as { msg: unknown }).msg));
        done();
      },
    }),
  );
  const router = createRouter({
    contract: testContract,
    handlers: { probe: { ping: ({ text }: { text: string }) => (calls.push(text), `pong ${text}`) } },
    logger,
  });
  const ipcMain = new EventEmitter();
  const transport = createIpcTransport({ ipcMain, router, logger });

  /** A renderer whose messages arrive in main as sent by `senderFrame` of `contents`. */
  const renderer = (contents: FakeWebContents, senderFrame: () => FrameLike | null) => {
    const post = (message: unknown): void => {
      const event: IpcEventLike = { sender: contents, senderFrame: senderFrame() };
      // Structured cloning, as Electron IPC does.
      setImmediate(() => ipcMain.emit(rpcChannel, event, structuredClone(message)));
    };
    const client = createRpcClient(testContract, {
      post,
      on: (deliver) => contents.on('to-renderer', (message: unknown) => setImmediate(() => deliver(structuredClone(message)))),
    });
    return { client, post };
  };
  return { calls, warnings, router, ipcMain, transport, renderer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the IPC transport', () => {
  it('serves calls from the app’s top frame, one connection per web contents', async () => {
    const { router, renderer, calls, transport } = setup();
    const contents = new FakeWebContents(1, frame(appPage));
    const { client } = renderer(contents, () => contents.mainFrame);
    await expect(client.api.probe.ping({ text: 'a' })).resolves.toBe('pong a');
    await expect(client.api.probe.ping({ text: 'b' })).resolves.toBe('pong b');
    expect(calls).toEqual(['a', 'b']);
    expect(router.connectionCount).toBe(1);
    transport.dispose();
    expect(router.connectionCount).toBe(0);
  });

  it('drops, unparsed and unanswered, every message from a forged sender', async () => {
    const { router, renderer, calls, warnings } = setup();
    const main = frame(appPage);
    const contents = new FakeWebContents(2, main);
    const forgeries: (() => FrameLike | null)[] = [
      () => frame(appPage, { parent: main, routingId: 2 }),
      () => frame('https://evil.example/'),
      () => frame('file:///etc/passwd'),
      () => ({ ...main, routingId: 99 }),
      () => null,
    ];
    for (const forged of forgeries) {
      const { client } = renderer(contents, forged);
      let answered = false;
      void client.api.probe.ping({ text: 'forged' }).then(
        () => (answered = true),
        () => (answered = true),
      );
      await settle();
      expect(answered).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(contents.sent).toEqual([]);
    expect(router.connectionCount).toBe(0);
    expect(warnings.filter((message) => message.includes('not the app’s top frame'))).toHaveLength(forgeries.length);
  });

  it('drops messages that are not RPC envelopes', async () => {
    const { router, renderer, warnings } = setup();
    const contents = new FakeWebContents(3, frame(appPage));
    const { post } = renderer(contents, () => contents.mainFrame);
    for (const junk of [null, 'text', 42, { t: 'x' }, { t: 'q', m: 'call', a: 'not an array' }, { t: 'q', m: 'x'.repeat(65), a: [] }]) post(junk);
    await settle();
    expect(router.connectionCount).toBe(0);
    expect(contents.sent).toEqual([]);
    expect(warnings.filter((message) => message.includes('not an RPC envelope'))).toHaveLength(6);
  });

  it('closes a window’s connection when its page is replaced, its renderer dies or it is destroyed', async () => {
    const { router, renderer } = setup();
    const contents = new FakeWebContents(4, frame(appPage));
    const { client } = renderer(contents, () => contents.mainFrame);
    await client.api.probe.ping({ text: '1' });
    expect(router.connectionCount).toBe(1);

    // A navigation that starts but is refused leaves the page, and its connection, in place.
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(router.connectionCount).toBe(1);
    contents.emit('did-navigate');
    expect(router.connectionCount).toBe(0);

    const reloaded = renderer(contents, () => contents.mainFrame).client;
    await expect(reloaded.api.probe.ping({ text: '2' })).resolves.toBe('pong 2');
    expect(router.connectionCount).toBe(1);
    contents.emit('render-process-gone');
    expect(router.connectionCount).toBe(0);

    const revived = renderer(contents, () => contents.mainFrame).client;
    await revived.api.probe.ping({ text: '3' });
    contents.destroy();
    expect(router.connectionCount).toBe(0);
  });

  it('stops listening once disposed', async () => {
    const { ipcMain, transport } = setup();
    expect(ipcMain.listenerCount(rpcChannel)).toBe(1);
    transport.dispose();
    expect(ipcMain.listenerCount(rpcChannel)).toBe(0);
  });
});
