import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { isMac } from '../../platform/keyboard-platform';
import { openFileAt } from '../editor';
import { notify } from '../notifications';
import { isSafeWebLink, resolveLinkPath, type FileLink } from './links';

/** Links follow Ctrl+click (Cmd+click on macOS), as in VS Code: a plain click selects text. */
function followsLink(event: MouseEvent): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}

export async function openTerminalLink(event: MouseEvent, link: FileLink, cwd: string): Promise<void> {
  if (!followsLink(event)) return;
  const root = useAppStore.getState().info?.workspace?.root;
  const path = resolveLinkPath(link.path, cwd, root);
  if (!path) {
    notify({ severity: 'warning', message: `${link.path} is outside the workspace and cannot be opened here.` });
    return;
  }
  try {
    const stat = await host().workspace.stat({ path });
    if (stat.kind !== 'file') throw new Error(`${path} is not a file`);
  } catch (error) {
    notify({ severity: 'warning', message: `Could not open ${path}: ${errorMessage(error)}` });
    return;
  }
  await openFileAt(path, link.line ?? 1, link.column ?? 1);
}

/** Web links open in the OS browser (Electron routes window.open to it); anything but http(s) is refused. */
export function openWebLink(event: MouseEvent, uri: string): void {
  if (!followsLink(event)) return;
  if (!isSafeWebLink(uri)) {
    notify({ severity: 'warning', message: `Only http and https links are opened: ${uri.slice(0, 200)}` });
    return;
  }
  window.open(uri, '_blank', 'noopener,noreferrer');
}
