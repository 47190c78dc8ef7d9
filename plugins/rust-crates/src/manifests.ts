import * as lathe from 'lathe';
import { folderOf, nearestManifest } from './cargo-paths';

/** A file's text as the editor holds it when it is open (unsaved changes included), else from disk. */
export async function readText(path: string): Promise<string> {
  const open = lathe.workspace.textDocuments.find((document) => document.path === path);
  return open ? open.getText() : lathe.workspace.fs.readFile(path);
}

export async function fileExists(path: string): Promise<boolean> {
  return lathe.workspace.fs.stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The Cargo.toml a command works on: the one of the crate the active editor's file belongs to, the
 * only one, or the one the user picks. Undefined when there is none or the user closed the picker.
 */
export async function chooseManifest(title: string): Promise<string | undefined> {
  const manifests = (await lathe.workspace.findFiles('**/Cargo.toml', '**/target/**', 1000)).sort();
  if (manifests.length === 0) {
    await lathe.window.showErrorMessage('There is no Cargo.toml in this workspace.');
    return undefined;
  }
  const active = lathe.editor.activeTextEditor?.document.path;
  const nearest = active === undefined ? undefined : nearestManifest(active, manifests);
  if (nearest) return nearest;
  if (manifests.length === 1) return manifests[0];
  const picked = await lathe.window.showQuickPick(
    manifests.map((manifest) => ({ label: folderOf(manifest) || '(workspace root)', description: manifest })),
    { title, placeHolder: 'Which crate?' },
  );
  return picked?.description;
}
