import { describe, expect, it } from 'vitest';
import { defaultMemberFolder, folderOf, joinPath, nearestManifest } from '../../../../plugins/rust-crates/src/cargo-paths';
import { crateFolderProblem, crateNameProblem, versionRequirementProblem } from '../../../../plugins/rust-crates/src/crate-input';

describe('what the wizards accept', () => {
  it('crate names as cargo does', () => {
    for (const name of ['app', 'my-crate', 'serde_json', 'Inflector', 'x2']) expect(crateNameProblem(name)).toBeNull();
    expect(crateNameProblem('')).toBe('A crate needs a name.');
    expect(crateNameProblem('2fast')).toBe('A crate name starts with a letter.');
    expect(crateNameProblem('_private')).toBe('A crate name starts with a letter.');
    expect(crateNameProblem('my crate')).toBe('A crate name has only letters, digits, "-" and "_".');
    expect(crateNameProblem('crème')).toBe('A crate name has only letters, digits, "-" and "_".');
    expect(crateNameProblem('fn')).toBe('"fn" is a Rust keyword.');
    expect(crateNameProblem('a'.repeat(65))).toBe('A crate name has at most 64 characters.');
  });

  it('version requirements as Cargo writes them', () => {
    for (const requirement of ['1', '1.0', '^1.2.3', '~0.4', '=1.0.0-beta.1', '>=1.2, <2', '1.*', '*', '0.8.5+build.1']) {
      expect(versionRequirementProblem(requirement)).toBeNull();
    }
    for (const requirement of ['', 'latest', '1.2.3.4', '>=1.2 <2', 'v1', '1.0"']) {
      expect(versionRequirementProblem(requirement)).toContain('is not a version requirement');
    }
  });

  it('folders inside the workspace only', () => {
    expect(crateFolderProblem('crates/cli')).toBeNull();
    expect(crateFolderProblem('')).toBe('Give the folder for the crate.');
    expect(crateFolderProblem('/tmp/x')).toContain('relative to the workspace');
    expect(crateFolderProblem('C:/x')).toContain('relative to the workspace');
    expect(crateFolderProblem('crates\\cli')).toContain('relative to the workspace');
    expect(crateFolderProblem('../outside')).toContain('must stay inside the workspace');
    expect(crateFolderProblem('crates//cli')).toContain('must stay inside the workspace');
    expect(crateFolderProblem('./cli')).toContain('must stay inside the workspace');
  });
});

describe('crate paths', () => {
  const manifests = ['Cargo.toml', 'crates/core/Cargo.toml', 'crates/core-macros/Cargo.toml'];

  it('find the manifest of the crate a file is in', () => {
    expect(nearestManifest('crates/core/src/lib.rs', manifests)).toBe('crates/core/Cargo.toml');
    expect(nearestManifest('crates/core-macros/src/lib.rs', manifests)).toBe('crates/core-macros/Cargo.toml');
    expect(nearestManifest('docs/index.md', manifests)).toBe('Cargo.toml');
    expect(nearestManifest('docs/index.md', ['crates/core/Cargo.toml'])).toBeUndefined();
  });

  it('join and split folders, the root being empty', () => {
    expect(folderOf('crates/core/Cargo.toml')).toBe('crates/core');
    expect(folderOf('Cargo.toml')).toBe('');
    expect(joinPath('', 'README.md')).toBe('README.md');
    expect(joinPath('crates/core', 'README.md')).toBe('crates/core/README.md');
  });

  it('put a new member beside the others when members has a folder glob', () => {
    expect(defaultMemberFolder(['app', 'crates/*'], 'cli')).toBe('crates/cli');
    expect(defaultMemberFolder(['app', 'core'], 'cli')).toBe('cli');
    expect(defaultMemberFolder(['crates/**/*'], 'cli')).toBe('cli');
  });
});
