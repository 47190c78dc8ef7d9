import { describe, expect, it } from 'vitest';
import { declaresPackage, endOfText, memberGlobCovers, planDependency, planWorkspaceMember, workspaceMembers } from '../../../../plugins/rust-crates/src/cargo-toml';
import { applyTextEdits, insertionEdits } from '../text-edits';

const toml = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** The manifest with the dependency added, or what the plan said instead. */
function withDependency(text: string, name: string, requirement: string): string {
  const plan = planDependency(text, name, requirement);
  return plan.kind === 'insert' ? applyTextEdits(text, insertionEdits([plan.insertion])) : `(${plan.kind} at line ${plan.line + 1})`;
}

function withMember(text: string, folder: string): string {
  const plan = planWorkspaceMember(text, folder);
  return plan.kind === 'insert' ? applyTextEdits(text, insertionEdits(plan.insertions)) : `(${plan.kind})`;
}

describe('adding a dependency to Cargo.toml', () => {
  const manifest = toml('[package]', 'name = "app"', 'version = "0.1.0"', '', '[dependencies]', 'anyhow = "1"', 'serde = { version = "1", features = ["derive"] }', '', '# Test-only crates', '[dev-dependencies]', 'proptest = "1"');

  it('inserts in alphabetical order when the table is sorted, leaving the rest as it was', () => {
    expect(withDependency(manifest, 'rand', '0.8')).toBe(
      toml('[package]', 'name = "app"', 'version = "0.1.0"', '', '[dependencies]', 'anyhow = "1"', 'rand = "0.8"', 'serde = { version = "1", features = ["derive"] }', '', '# Test-only crates', '[dev-dependencies]', 'proptest = "1"'),
    );
    expect(withDependency(manifest, 'zip', '2')).toContain('serde = { version = "1", features = ["derive"] }\nzip = "2"\n\n# Test-only crates\n[dev-dependencies]');
    expect(withDependency(manifest, 'aho-corasick', '1')).toContain('[dependencies]\naho-corasick = "1"\nanyhow = "1"\n');
  });

  it('keeps the comments above the entry it is inserted before with that entry', () => {
    const commented = toml('[dependencies]', 'anyhow = "1"', '# Serialization', 'serde = "1"');
    expect(withDependency(commented, 'rand', '0.8')).toBe(toml('[dependencies]', 'anyhow = "1"', 'rand = "0.8"', '# Serialization', 'serde = "1"'));
  });

  it('appends after the last entry when the table is not sorted', () => {
    const unsorted = toml('[dependencies]', 'tokio = "1"', 'axum = "0.8"', '', '[features]', 'default = []');
    expect(withDependency(unsorted, 'serde', '1')).toBe(toml('[dependencies]', 'tokio = "1"', 'axum = "0.8"', 'serde = "1"', '', '[features]', 'default = []'));
  });

  it('fills an empty table, and one at the end of a file without a final line break', () => {
    expect(withDependency(toml('[package]', 'name = "a"', '', '[dependencies]'), 'log', '0.4')).toBe(toml('[package]', 'name = "a"', '', '[dependencies]', 'log = "0.4"'));
    expect(withDependency('[dependencies]\nanyhow = "1"', 'log', '0.4')).toBe('[dependencies]\nanyhow = "1"\nlog = "0.4"');
  });

  it('creates the table at the end when there is none, one blank line after the rest', () => {
    expect(withDependency(toml('[package]', 'name = "a"'), 'log', '0.4')).toBe(toml('[package]', 'name = "a"', '', '[dependencies]', 'log = "0.4"'));
    expect(withDependency('[package]\nname = "a"', 'log', '0.4')).toBe(toml('[package]', 'name = "a"', '', '[dependencies]', 'log = "0.4"'));
    expect(withDependency(toml('[package]', 'name = "a"', ''), 'log', '0.4')).toBe(toml('[package]', 'name = "a"', '', '[dependencies]', 'log = "0.4"'));
  });

  it('keeps Windows line endings', () => {
    expect(withDependency('[package]\r\nname = "a"\r\n\r\n[dependencies]\r\nanyhow = "1"\r\n', 'log', '0.4')).toBe('[package]\r\nname = "a"\r\n\r\n[dependencies]\r\nanyhow = "1"\r\nlog = "0.4"\r\n');
  });

  it('finds a dependency already there, however it is written', () => {
    expect(withDependency(manifest, 'serde', '1')).toBe('(exists at line 7)');
    expect(withDependency(toml('[dependencies]', 'serde_json.workspace = true'), 'serde-json', '1')).toBe('(exists at line 2)');
    expect(withDependency(toml('[dependencies]', '"Inflector" = "0.11"'), 'inflector', '1')).toBe('(exists at line 2)');
    expect(withDependency(toml('[package]', 'name = "a"', '', '[dependencies.serde]', 'version = "1"'), 'serde', '1')).toBe('(exists at line 4)');
  });

  it('looks at [dependencies] only, not at dev-, build- or target dependencies', () => {
    const others = toml('[dev-dependencies]', 'log = "0.4"', "[target.'cfg(unix)'.dependencies]", 'libc = "0.2"');
    expect(withDependency(others, 'log', '0.4')).toBe(`${others}\n[dependencies]\nlog = "0.4"\n`);
  });

  it('tells a package manifest from a virtual workspace manifest', () => {
    expect(declaresPackage(manifest)).toBe(true);
    expect(declaresPackage(toml('[workspace]', 'members = ["a"]'))).toBe(false);
  });
});

describe('adding a member to [workspace]', () => {
  it('adds a line like the last one to a members list written one per line', () => {
    const oneEach = toml('[workspace]', 'resolver = "2"', 'members = [', '    "app",', '    "core",', ']', '', '[workspace.dependencies]', 'serde = "1"');
    expect(withMember(oneEach, 'tools/gen')).toBe(toml('[workspace]', 'resolver = "2"', 'members = [', '    "app",', '    "core",', '    "tools/gen",', ']', '', '[workspace.dependencies]', 'serde = "1"'));
    expect(withMember(toml('members = 1', '[workspace]', 'members = [', '  "app"', ']'), 'core')).toBe(toml('members = 1', '[workspace]', 'members = [', '  "app",', '  "core"', ']'));
  });

  it('keeps a comment after the last member on its line', () => {
    expect(withMember(toml('[workspace]', 'members = [', '  "app", # the binary', ']'), 'core')).toBe(toml('[workspace]', 'members = [', '  "app", # the binary', '  "core",', ']'));
    expect(withMember(toml('[workspace]', 'members = [', '  "app" # the binary', ']'), 'core')).toBe(toml('[workspace]', 'members = [', '  "app", # the binary', '  "core"', ']'));
  });

  it('adds to a members list written on one line, and to an empty one', () => {
    expect(withMember(toml('[workspace]', 'members = ["app", \'core\']'), 'cli')).toBe(toml('[workspace]', 'members = ["app", \'core\', "cli"]'));
    expect(withMember(toml('[workspace]', 'members = ["app",]'), 'cli')).toBe(toml('[workspace]', 'members = ["app", "cli",]'));
    expect(withMember(toml('[workspace]', 'members = []'), 'cli')).toBe(toml('[workspace]', 'members = ["cli"]'));
  });

  it('adds the members key when [workspace] has none', () => {
    expect(withMember(toml('[workspace]', 'resolver = "2"'), 'app')).toBe(toml('[workspace]', 'members = ["app"]', 'resolver = "2"'));
    expect(withMember('[package]\nname = "root"\n[workspace]', 'app')).toBe('[package]\nname = "root"\n[workspace]\nmembers = ["app"]');
  });

  it('changes nothing when the member is listed or a glob covers it, and refuses what it cannot read', () => {
    expect(withMember(toml('[workspace]', 'members = ["./app/"]'), 'app')).toBe('(exists)');
    expect(withMember(toml('[workspace]', 'members = ["crates/*"]'), 'crates/cli')).toBe('(covered)');
    expect(withMember(toml('[workspace]', 'members = ["crates/*"]'), 'crates/cli/nested')).toBe(toml('[workspace]', 'members = ["crates/*", "crates/cli/nested"]'));
    expect(withMember(toml('[package]', 'name = "a"'), 'app')).toBe('(no-workspace)');
    expect(withMember(toml('[workspace]', 'members = [1, 2]'), 'app')).toBe('(unreadable)');
    expect(withMember(toml('[workspace]', 'members = ["a" "b"]'), 'app')).toBe('(unreadable)');
  });

  it('lists the members, or says there is no workspace', () => {
    expect(workspaceMembers(toml('[workspace]', 'members = [', '  "app", # c', "  'crates/*',", ']'))).toEqual(['app', 'crates/*']);
    expect(workspaceMembers(toml('[workspace]', 'resolver = "2"'))).toEqual([]);
    expect(workspaceMembers(toml('[package]', 'name = "a"'))).toBeNull();
  });

  it('matches globs within one path segment, and ** across them', () => {
    expect(memberGlobCovers('crates/*', 'crates/cli')).toBe(true);
    expect(memberGlobCovers('crates/*', 'crates/cli/x')).toBe(false);
    expect(memberGlobCovers('crates/**', 'crates/cli/x')).toBe(true);
    expect(memberGlobCovers('crate?', 'crate1')).toBe(true);
    expect(memberGlobCovers('a.b/*', 'axb/c')).toBe(false);
  });
});

describe('the end of a text', () => {
  it('is the last line and its length', () => {
    expect(endOfText('')).toEqual({ line: 0, character: 0 });
    expect(endOfText('# Title\nText')).toEqual({ line: 1, character: 4 });
    expect(endOfText('# Title\r\nText\r\n')).toEqual({ line: 2, character: 0 });
  });
});
