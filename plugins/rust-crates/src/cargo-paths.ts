/** Workspace-relative paths of Cargo manifests and crate folders. */

/** `crates/core/Cargo.toml` → `crates/core`; the root manifest → `''`. */
export function folderOf(manifest: string): string {
  const slash = manifest.lastIndexOf('/');
  return slash === -1 ? '' : manifest.slice(0, slash);
}

/** `crates/core` + `src/lib.rs` → `crates/core/src/lib.rs`; the root folder adds nothing. */
export function joinPath(folder: string, path: string): string {
  return folder === '' ? path : `${folder}/${path}`;
}

/** The manifest of the crate a file belongs to: the one in the deepest folder that holds it, or undefined. */
export function nearestManifest(file: string, manifests: readonly string[]): string | undefined {
  return manifests
    .filter((manifest) => {
      const folder = folderOf(manifest);
      return folder === '' || file.startsWith(`${folder}/`);
    })
    .sort((a, b) => b.length - a.length)[0];
}

/** Where a new member goes: beside the others when `members` has a `folder/*` glob, else at the root. */
export function defaultMemberFolder(members: readonly string[], name: string): string {
  const parent = members.map((member) => /^([^*?[\]]+)\/\*$/.exec(member)?.[1]).find((folder) => folder !== undefined);
  return parent ? `${parent}/${name}` : name;
}
