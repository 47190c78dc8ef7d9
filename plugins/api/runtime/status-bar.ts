import { report, type RuntimeContext } from './context';
import { Disposable } from './events';
import type { StatusBarItemData } from './protocol';

/** A status bar item: property changes are sent together, once per task. */
export function createStatusBarItem(context: RuntimeContext, id: string, alignment: 'left' | 'right' = 'left', priority = 0) {
  let text = '';
  let tooltip: string | undefined;
  let command: string | undefined;
  let visible = false;
  let disposed = false;
  let scheduled = false;

  const send = (): void => {
    scheduled = false;
    if (disposed) return;
    const data: StatusBarItemData = { text, alignment, priority, ...(tooltip === undefined ? {} : { tooltip }), ...(command === undefined ? {} : { command }) };
    report(context.workbench.setStatusBarItem(id, visible ? data : null));
  };
  const changed = (): void => {
    if (scheduled || disposed) return;
    scheduled = true;
    queueMicrotask(send);
  };

  const disposable = new Disposable(() => {
    disposed = true;
    report(context.workbench.setStatusBarItem(id, null));
  });
  return Object.freeze({
    id,
    alignment,
    priority,
    get text() {
      return text;
    },
    set text(value: string) {
      text = String(value);
      changed();
    },
    get tooltip() {
      return tooltip;
    },
    set tooltip(value: string | undefined) {
      tooltip = value === undefined ? undefined : String(value);
      changed();
    },
    get command() {
      return command;
    },
    set command(value: string | undefined) {
      command = value === undefined ? undefined : String(value);
      changed();
    },
    show() {
      visible = true;
      changed();
    },
    hide() {
      visible = false;
      changed();
    },
    dispose: () => disposable.dispose(),
  });
}
