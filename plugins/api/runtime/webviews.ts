import { ask, report, type RuntimeContext } from './context';
import { Disposable, EventEmitter } from './events';

interface OpenPanel {
  messages: EventEmitter<unknown>;
  closed: EventEmitter<void>;
}

/** `window.createWebviewPanel`, and the messages the workbench relays from the panels' pages. */
export function createWebviews(context: RuntimeContext) {
  const panels = new Map<string, OpenPanel>();
  let nextHandle = 0;

  const close = (handle: string): void => {
    const panel = panels.get(handle);
    if (!panel) return;
    panels.delete(handle);
    panel.closed.fire();
    panel.messages.dispose();
    panel.closed.dispose();
  };

  const create = (viewType: string, initialTitle: string, options: { html?: string } = {}) => {
    const handle = `${nextHandle++}`;
    let title = String(initialTitle);
    let html = String(options.html ?? '');
    const panel: OpenPanel = { messages: new EventEmitter(), closed: new EventEmitter() };
    panels.set(handle, panel);
    report(context.workbench.openWebview(handle, { title, html }));
    const disposable = new Disposable(() => {
      if (!panels.has(handle)) return;
      close(handle);
      report(context.workbench.disposeWebview(handle));
    });
    return Object.freeze({
      viewType: String(viewType),
      get title() {
        return title;
      },
      set title(value: string) {
        title = String(value);
        if (panels.has(handle)) report(context.workbench.updateWebview(handle, { title }));
      },
      get html() {
        return html;
      },
      set html(value: string) {
        html = String(value);
        if (panels.has(handle)) report(context.workbench.updateWebview(handle, { html }));
      },
      postMessage: (message: unknown): Promise<boolean> => (panels.has(handle) ? ask(context.workbench.postToWebview(handle, message)) : Promise.resolve(false)),
      onDidReceiveMessage: panel.messages.event,
      onDidDispose: panel.closed.event,
      dispose: () => disposable.dispose(),
    });
  };

  return {
    create,
    received(handle: string, message: unknown): void {
      panels.get(handle)?.messages.fire(message);
    },
    closed: close,
  };
}
