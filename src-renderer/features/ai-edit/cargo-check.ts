import { runCommand } from '../../app/commands';
import { host } from '../../platform/host';
import { saveEditor } from '../editor';

/** Whether a Rust file belongs to a package of the folder's Cargo workspace, so that cargo check covers it. */
export async function inCargoCrate(path: string): Promise<boolean> {
  if (!path.endsWith('.rs')) return false;
  const workspace = await host()
    .cargo.workspace()
    .catch(() => null);
  return workspace?.packages.some((pkg) => pkg.root === '' || path.startsWith(`${pkg.root}/`)) ?? false;
}

/** cargo check reads the files on disk: the file is saved first. Resolves once its diagnostics are in Problems. */
export async function saveAndCheck(path: string): Promise<void> {
  if (await saveEditor(path)) await runCommand('lathe.cargo.check');
}
