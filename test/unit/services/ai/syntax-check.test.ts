import { afterEach, describe, expect, it } from 'vitest';
import { inlinePlanner, workerPlanner, type EditPlanner } from '../../../../src-main/services/ai/edit-planner';
import { planAnswer } from '../../../../src-main/services/ai/plan-answer';
import { syntaxParserFor } from '../../../../src-main/services/ai/syntax-check';
import { buildHelperScript } from '../../helpers/build-helper-script';

/** A file of each language with a grammar: valid code, and the same code broken. */
const samples: readonly (readonly [path: string, valid: string, broken: string])[] = [
  ['src/main.rs', 'fn main() {\n    let x = 1;\n}\n', 'fn main() {\n    let x = ;\n}\n'],
  ['src/app.ts', 'function f(): number {\n  return 1;\n}\n', 'function f(): number {\n  return 1 +;\n}\n'],
  ['src/lib.mts', 'export const x = 1;\n', 'export const x = ;\n'],
  ['src/App.tsx', 'export const A = () => (\n  <div>{1}</div>\n);\n', 'export const A = () => (\n  <div>{1 +}</div>\n);\n'],
  ['app.js', 'function f() {\n  return 1;\n}\n', 'function f() {\n  return 1 +;\n}\n'],
  ['app.mjs', 'export function f() {\n  return 1;\n}\n', 'export function f() {\n  return 1 +;\n}\n'],
  ['app.cjs', 'module.exports = () => 1;\n', 'module.exports = () => 1 +;\n'],
  ['App.jsx', 'const a = (\n  <div>{1}</div>\n);\n', 'const a = (\n  <div>{1 +}</div>\n);\n'],
  ['tool.py', 'def f():\n    return 1\n', 'def f():\n    return 1 +\n'],
  ['main.go', 'package main\n\nfunc f() int {\n\treturn 1\n}\n', 'package main\n\nfunc f() int {\n\treturn 1 +\n}\n'],
  ['a.cpp', 'int f() {\n  return 1;\n}\n', 'int f() {\n  return 1 +;\n}\n'],
  ['a.cc', 'int f() {\n  return 1;\n}\n', 'int f() {\n  return 1 +;\n}\n'],
  ['a.hpp', 'struct S {\n  int x;\n};\n', 'struct S {\n  int x +;\n};\n'],
  ['a.h', 'int f(int x);\n', 'int f(int x +);\n'],
  ['A.cs', 'class A {\n  int F() { return 1; }\n}\n', 'class A {\n  int F() { return (1; }\n}\n'],
  ['A.java', 'class A {\n  int f() { return 1; }\n}\n', 'class A {\n  int f() { return 1 +; }\n}\n'],
  ['a.rb', 'def f\n  1\nend\n', 'def f\n  1 +\nend\n'],
  ['a.php', '<?php\nfunction f() {\n  return 1;\n}\n', '<?php\nfunction f() {\n  return 1 +;\n}\n'],
  ['build.sh', 'if true; then\n  echo 1\nfi\n', 'if true; then\n  echo 1\n'],
  ['style.css', 'a {\n  color: red;\n}\n', 'a {\n  color: red;\n'],
];

const block = (search: readonly string[], replace: readonly string[]) => ['<<<<<<< SEARCH', ...search, '=======', ...replace, '>>>>>>> REPLACE'].join('\n');

const cache = [
  'impl Cache {',
  '    pub fn get(&self, key: &str) -> Option<&Entry> {',
  '        let entry = self.entries.get(key)?;',
  '        if entry.expired() {',
  '            return None;',
  '        }',
  '        Some(entry)',
  '    }',
  '}',
  '',
].join('\n');
/** A stale SEARCH (is_expired) whose REPLACE leaves out the `}` closing the if. */
const dropsBrace = block(
  ['        let entry = self.entries.get(key)?;', '        if entry.is_expired() {', '            return None;', '        }'],
  ['        let entry = self.entries.get(key)?;', '        if entry.is_expired() {', '            self.misses.set(self.misses.get() + 1);', '            return None;'],
);

describe('syntaxParserFor', () => {
  it.each(samples)('parses %s: no error in valid code, an error in broken code', async (path, valid, broken) => {
    const parser = await syntaxParserFor(path);
    expect(parser).toBeDefined();
    expect(parser?.parse(valid).errorLines).toEqual([]);
    expect(parser?.parse(broken).errorLines.length).toBeGreaterThan(0);
  });

  it('has no parser for a language without a grammar', async () => {
    for (const path of ['Cargo.toml', 'README.md', 'Makefile', 'data.json']) expect(await syntaxParserFor(path)).toBeUndefined();
  });

  it('loads each grammar once', async () => {
    expect(await syntaxParserFor('a.rs')).toBe(await syntaxParserFor('src/other.RS'));
  });

  it('outlines the nodes on more than one line, with the line of each error', async () => {
    const rust = await syntaxParserFor('a.rs');
    const outline = rust?.parse('/* one\n   two */\nfn f() {\n    g(\n        1,\n    );\n}\nfn h() { let = 1; }\n');
    expect(outline?.errorLines).toEqual([8]);
    expect(outline?.nodes).toEqual(
      expect.arrayContaining([
        { first: 1, last: 2, token: true },
        { first: 3, last: 7, token: false },
        { first: 4, last: 6, token: false },
      ]),
    );
    expect(outline?.nodes.every((node) => node.last > node.first)).toBe(true);
  });
});

describe('planning with a grammar', () => {
  it('refuses a fuzzy block that would leave an unbalanced brace in a Rust file', async () => {
    const request = { text: cache, answer: dropsBrace, target: { path: 'src/cache.rs' } };
    const edit = planAnswer(request, await syntaxParserFor('src/cache.rs'));
    expect(edit.newText).toBe(cache);
    expect(edit.refusals).toMatchObject([{ reason: 'syntax-error', closest: { startLine: 3, endLine: 6 } }]);
    expect(edit.refusals[0]?.detail).toMatch(/^applying this block where it matched best would leave a syntax error at line \d+$/);
    expect(planAnswer(request).applied).toMatchObject([{ layer: 'fuzzy' }]);
  });

  it('lets a file that already had errors be edited, but not made worse', async () => {
    const rust = await syntaxParserFor('src/cache.rs');
    // A statement still being typed.
    const broken = `${cache}fn total() -> u32 {\n    let total = ;\n}\n`;
    expect(rust?.parse(broken).errorLines.length).toBeGreaterThan(0);
    const keepsBraces = block(['        if entry.is_expired() {', '            return None;', '        }'], ['        if entry.is_expired() {', '            return Option::None;', '        }']);
    const fine = planAnswer({ text: broken, answer: keepsBraces, target: { path: 'src/cache.rs' } }, rust);
    expect(fine.applied).toMatchObject([{ layer: 'fuzzy' }]);
    expect(fine.newText).toBe(broken.replace('return None;', 'return Option::None;'));
    const worse = planAnswer({ text: broken, answer: dropsBrace, target: { path: 'src/cache.rs' } }, rust);
    expect(worse.refusals).toMatchObject([{ reason: 'syntax-error' }]);
  });
});

describe('the plan worker', () => {
  let planner: EditPlanner | undefined;
  afterEach(async () => planner?.dispose());

  it('plans with the grammar of the file’s language, which the calling thread does not load', async () => {
    planner = workerPlanner(await buildHelperScript('src-main/services/ai/plan-worker.ts', 'esm'));
    const request = { text: cache, answer: dropsBrace, target: { path: 'src/cache.rs' } };
    expect((await planner.plan(request)).refusals).toMatchObject([{ reason: 'syntax-error' }]);
    expect((await inlinePlanner.plan(request)).applied).toMatchObject([{ layer: 'fuzzy' }]);
    expect((await planner.plan({ ...request, target: { path: 'notes/cache.txt' } })).applied).toMatchObject([{ layer: 'fuzzy' }]);
  });
});
