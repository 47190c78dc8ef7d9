import { ask, type RuntimeContext } from './context';
import type { MessageSeverity, QuickPickItemData, Range } from './protocol';
import { createStatusBarItem } from './status-bar';
import type { createTreeViews } from './tree-views';
import type { createWebviews } from './webviews';

type QuickPickItem = { label: string; description?: string; detail?: string };

function quickPickItemData(item: string | QuickPickItem): QuickPickItemData {
  if (typeof item === 'string') return { label: item };
  return {
    label: String(item.label),
    ...(item.description === undefined ? {} : { description: String(item.description) }),
    ...(item.detail === undefined ? {} : { detail: String(item.detail) }),
  };
}

/** `lathe.window`. */
export function createWindow(context: RuntimeContext, trees: ReturnType<typeof createTreeViews>, webviews: ReturnType<typeof createWebviews>) {
  const message =
    (severity: MessageSeverity) =>
    (text: string, ...actions: string[]): Promise<string | undefined> =>
      ask(context.workbench.showMessage(severity, String(text), actions.map(String)));
  return {
    showInformationMessage: message('info'),
    showWarningMessage: message('warning'),
    showErrorMessage: message('error'),
    async showQuickPick<T extends string | QuickPickItem>(
      items: readonly T[] | Promise<readonly T[]>,
      options: { placeHolder?: string; title?: string } = {},
    ): Promise<T | undefined> {
      const list = await items;
      const index = await ask(
        context.workbench.showQuickPick(list.map(quickPickItemData), {
          ...(options.placeHolder === undefined ? {} : { placeholder: String(options.placeHolder) }),
          ...(options.title === undefined ? {} : { title: String(options.title) }),
        }),
      );
      return index === undefined ? undefined : list[index];
    },
    showInputBox(options: { title?: string; prompt?: string; placeHolder?: string; value?: string; password?: boolean } = {}): Promise<string | undefined> {
      return ask(
        context.workbench.showInputBox({
          ...(options.title === undefined ? {} : { title: String(options.title) }),
          ...(options.prompt === undefined ? {} : { prompt: String(options.prompt) }),
          ...(options.placeHolder === undefined ? {} : { placeholder: String(options.placeHolder) }),
          ...(options.value === undefined ? {} : { value: String(options.value) }),
          password: options.password === true,
        }),
      );
    },
    showTextDocument: (path: string, options: { selection?: Range } = {}): Promise<void> =>
      ask(context.workbench.showTextDocument(String(path), options.selection ? { start: { ...options.selection.start }, end: { ...options.selection.end } } : null)),
    createStatusBarItem: (id: string, alignment?: 'left' | 'right', priority?: number) => createStatusBarItem(context, String(id), alignment, priority),
    createTreeView: trees.create,
    createWebviewPanel: webviews.create,
  };
}
