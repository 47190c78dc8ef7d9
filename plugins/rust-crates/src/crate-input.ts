/** Checks of what the user types into the wizards, with the reason a value is refused. */

/** Rust's keywords: cargo refuses them as package names. */
const keywords = new Set(
  'as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while abstract become box do final gen macro override priv try typeof unsized virtual yield'.split(
    ' ',
  ),
);

/** Why `name` cannot name a crate (as cargo and crates.io see it), or null when it can. */
export function crateNameProblem(name: string): string | null {
  if (name === '') return 'A crate needs a name.';
  if (name.length > 64) return 'A crate name has at most 64 characters.';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return 'A crate name has only letters, digits, "-" and "_".';
  if (!/^[A-Za-z]/.test(name)) return 'A crate name starts with a letter.';
  if (keywords.has(name)) return `"${name}" is a Rust keyword.`;
  return null;
}

/** One comparator of a Cargo version requirement: `1.2`, `^1.2.3`, `~0.4`, `>=1, <2`, `=1.0.0-beta.1`, `1.*`. */
const comparator = /^(?:\^|~|=|>=?|<=?)?\s*\d+(?:\.(?:\d+|\*)){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Why `requirement` is not a Cargo version requirement, or null when it is. */
export function versionRequirementProblem(requirement: string): string | null {
  if (requirement.trim() === '*') return null;
  const parts = requirement.split(',').map((part) => part.trim());
  if (parts.every((part) => comparator.test(part))) return null;
  return `"${requirement}" is not a version requirement (like 1.0, ^1.2.3, ~0.4 or >=1.2, <2).`;
}

/** Why `folder` cannot hold the new crate (it must stay inside the workspace), or null. */
export function crateFolderProblem(folder: string): string | null {
  if (folder === '') return 'Give the folder for the crate.';
  if (folder.startsWith('/') || /^[A-Za-z]:/.test(folder) || folder.includes('\\')) return 'Give a folder relative to the workspace, with "/" between names.';
  if (folder.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'The folder must stay inside the workspace, without "." or ".." in it.';
  return null;
}
