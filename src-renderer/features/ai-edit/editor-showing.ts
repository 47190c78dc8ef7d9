import type { IDisposable } from 'monaco-editor';
import { activeCodeEditor, type Monaco } from '../editor';

type ActiveEditor = NonNullable<ReturnType<typeof activeCodeEditor>>;

/**
 * The active group's editor once it shows the file: a tab opened just now gets its model on the editor's next
 * render (and a group's first file creates the editor). Undefined when that has not happened within `timeoutMs`.
 */
export function editorShowing(monaco: Monaco, path: string, timeoutMs = 5_000): Promise<ActiveEditor | undefined> {
  const showing = (): ActiveEditor | undefined => {
    const active = activeCodeEditor();
    return active?.path === path ? active : undefined;
  };
  const now = showing();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const listeners: IDisposable[] = [];
    const follow = (instance: { onDidChangeModel(listener: () => void): IDisposable }): void => {
      listeners.push(
        instance.onDidChangeModel(() => {
          const active = showing();
          if (active) finish(active);
        }),
      );
    };
    monaco.editor.getEditors().forEach(follow);
    listeners.push(monaco.editor.onDidCreateEditor(follow));
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    function finish(active: ActiveEditor | undefined): void {
      clearTimeout(timer);
      for (const listener of listeners) listener.dispose();
      resolve(active);
    }
  });
}
