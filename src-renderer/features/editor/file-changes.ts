import type { FileChange } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { getModel, isClean, isOwnContent, reloadFromDisk } from './models';
import { useEditorStore } from './store';

let following = false;
/** Re-reads run one at a time per file, so an older read never lands after a newer one. */
const pendingChecks = new Map<string, Promise<void>>();

/** Follows changes on disk for open files; starts once, on the first file opened. */
export function followFileChanges(): void {
  if (following) return;
  following = true;
  host().workspace.onDidChangeFiles(({ changes }) => {
    for (const change of changes) handleChange(change);
  });
}

function handleChange({ path, kind }: FileChange): void {
  const files = useEditorStore.getState().files;
  if (kind === 'deleted') {
    // A deleted folder takes its open files with it.
    for (const file of files) {
      if (file.path === path || file.path.startsWith(`${path}/`)) useEditorStore.getState().setDiskState(file.path, { deleted: true });
    }
    return;
  }
  if (!files.some((file) => file.path === path)) return;
  const previous = pendingChecks.get(path) ?? Promise.resolve();
  const next = previous.then(() => checkDisk(path, kind === 'created'));
  pendingChecks.set(path, next);
  void next.finally(() => {
    if (pendingChecks.get(path) === next) pendingChecks.delete(path);
  });
}

async function checkDisk(path: string, created: boolean): Promise<void> {
  let content: string;
  try {
    content = (await host().workspace.readFile({ path })).content;
  } catch (error) {
    // Gone again, or unreadable: the next event tells.
    if (!created) notify({ severity: 'warning', message: `Could not reload ${path}: ${errorMessage(error)}` });
    return;
  }
  const store = useEditorStore.getState();
  const file = store.files.find((candidate) => candidate.path === path);
  if (!file || !getModel(path)) return;
  if (file.deleted) store.setDiskState(path, { deleted: false });
  // Our own save coming back, or a touch that left the text as it was.
  if (isOwnContent(path, content)) return;
  if (isClean(path)) {
    reloadFromDisk(path, content);
    store.setDirty(path, false);
    store.setDiskState(path, { conflict: false });
    return;
  }
  const alreadyFlagged = file.conflict === true;
  store.setDiskState(path, { conflict: true });
  if (!alreadyFlagged) notify({ severity: 'warning', message: `${file.name} changed on disk; your unsaved changes are kept` });
}
