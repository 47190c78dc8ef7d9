import { dirname } from 'node:path';
import { z } from 'zod';
import { cargoTargetKinds, type CargoPackage, type CargoTarget, type CargoWorkspace } from '../../../src-shared/contract';

/** The parts of `cargo metadata --no-deps --format-version 1` that Lathe reads. */
export const cargoMetadataSchema = z.object({
  packages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      version: z.string(),
      manifest_path: z.string(),
      targets: z.array(z.object({ name: z.string(), kind: z.array(z.string()), src_path: z.string(), test: z.boolean().optional() })),
    }),
  ),
  workspace_members: z.array(z.string()),
  workspace_root: z.string(),
});
export type CargoMetadata = z.infer<typeof cargoMetadataSchema>;

/** Absolute paths as the workspace sees them; null outside it. */
export interface WorkspacePaths {
  relative(absolute: string): string | null;
}

/** cargo's target kinds, named as the contract names them (proc-macro and the library kinds are all `lib`). */
export function targetKindOf(kinds: readonly string[]): CargoTarget['kind'] {
  const first = kinds[0] ?? 'other';
  if (first === 'custom-build') return 'build-script';
  if (['lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'].includes(first)) return 'lib';
  return (cargoTargetKinds as readonly string[]).includes(first) ? (first as CargoTarget['kind']) : 'other';
}

/** The workspace members inside the open folder, with their targets; packages outside it are left out. */
export function toCargoWorkspace(metadata: CargoMetadata, paths: WorkspacePaths): CargoWorkspace | null {
  const root = paths.relative(metadata.workspace_root);
  if (root === null) return null;
  const members = new Set(metadata.workspace_members);
  const packages = metadata.packages.flatMap((pkg): CargoPackage[] => {
    const manifestPath = paths.relative(pkg.manifest_path);
    const packageRoot = paths.relative(dirname(pkg.manifest_path));
    if (!members.has(pkg.id) || manifestPath === null || packageRoot === null) return [];
    const targets = pkg.targets.flatMap((target) => {
      const path = paths.relative(target.src_path);
      return path === null ? [] : [{ name: target.name, kind: targetKindOf(target.kind), path, test: target.test !== false }];
    });
    return [{ name: pkg.name, version: pkg.version, root: packageRoot, manifestPath, targets }];
  });
  return { root, packages };
}

/** The cargo flag that selects one target (`--lib`, `--bin name`…). */
export function targetArgs(target: CargoTarget): string[] {
  switch (target.kind) {
    case 'lib':
      return ['--lib'];
    case 'bin':
    case 'test':
    case 'example':
    case 'bench':
      return [`--${target.kind}`, target.name];
    default:
      return [];
  }
}
