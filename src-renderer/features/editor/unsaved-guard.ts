import { hasUnbackedChanges } from './hot-exit';
import { useEditorStore } from './store';

/**
 * In a browser tab, asks before a close or reload would drop unsaved buffers that no backup holds
 * yet (backed-up buffers come back on the next start). Electron's window must answer this in main,
 * where a page that blocks unloading could otherwise never close.
 */
export function guardUnsavedChangesOnUnload(): void {
  window.addEventListener('beforeunload', (event) => {
    if (useEditorStore.getState().files.some((file) => file.dirty && hasUnbackedChanges(file.path))) event.preventDefault();
  });
}
