import { createRoot } from 'react-dom/client';
import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { useEditorStore } from '../editor';
import { QuickOpen } from './QuickOpen';
import { useQuickOpenStore } from './store';

let mounted = false;

/** The overlay lives in its own root on top of the workbench, created the first time it shows. */
function mountOnce(): void {
  if (mounted) return;
  mounted = true;
  const container = document.createElement('div');
  container.className = 'quick-open-host';
  document.body.appendChild(container);
  createRoot(container).render(<QuickOpen />);
}

export function showQuickOpen(): void {
  mountOnce();
  useQuickOpenStore.getState().show();
}

/** Registers "Go to File…" (Ctrl/Cmd+P) and keeps the recent files in step with the active editor. */
export function registerQuickOpen(): Disposable[] {
  const initial = useEditorStore.getState().activePath;
  if (initial) useQuickOpenStore.getState().remember(initial);
  const unsubscribe = useEditorStore.subscribe((state, previous) => {
    if (state.activePath && state.activePath !== previous.activePath) useQuickOpenStore.getState().remember(state.activePath);
  });
  return [
    registerCommand({ id: 'workbench.action.quickOpen', category: 'File', title: 'Go to File…', keybinding: 'mod+p', run: showQuickOpen }),
    { dispose: unsubscribe },
  ];
}
