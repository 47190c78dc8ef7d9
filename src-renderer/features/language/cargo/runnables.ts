import type { CargoPackage, CargoTarget, CargoWorkspace } from '../../../../src-shared/contract';
import { moduleOfFile, scanRunnableFunctions, testPath } from '../../../../src-shared/rust-source-scan';

export interface Runnable {
  kind: 'main' | 'test';
  /** 1-based line where its lens goes. */
  line: number;
  package: CargoPackage;
  /** For main: the binary or example it starts. */
  target?: CargoTarget;
  /** For a test: its libtest path. */
  testName?: string;
}

const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** The member whose folder holds the file (the deepest, for nested members). */
function packageOf(workspace: CargoWorkspace, path: string): CargoPackage | undefined {
  return workspace.packages
    .filter((pkg) => pkg.root === '' || path.startsWith(`${pkg.root}/`))
    .sort((a, b) => b.root.length - a.root.length)[0];
}

/** The crate the file belongs to: the target it is the root of, else the library (or binary) whose folder holds it. */
function crateOf(pkg: CargoPackage, path: string): CargoPackage['targets'][number] | undefined {
  const root = pkg.targets.find((target) => target.path === path);
  if (root) return root;
  const holders = pkg.targets.filter((target) => (target.kind === 'lib' || target.kind === 'bin') && path.startsWith(`${folderOf(target.path)}/`));
  return holders.find((target) => target.kind === 'lib') ?? holders[0];
}

/** What cargo can run from a Rust file: its `fn main` (a binary's or example's root) and its tests. */
export function runnablesOf(workspace: CargoWorkspace, path: string, text: string): Runnable[] {
  const pkg = packageOf(workspace, path);
  const crate = pkg ? crateOf(pkg, path) : undefined;
  if (!pkg || !crate) return [];
  const fileModules = moduleOfFile(folderOf(crate.path), path, crate.path);
  return scanRunnableFunctions(text).flatMap((found): Runnable[] => {
    if (found.kind === 'test') return [{ kind: 'test', line: found.line, package: pkg, testName: testPath(fileModules, found) }];
    const runs = crate.path === path && (crate.kind === 'bin' || crate.kind === 'example');
    return runs ? [{ kind: 'main', line: found.line, package: pkg, target: { name: crate.name, kind: crate.kind } }] : [];
  });
}
