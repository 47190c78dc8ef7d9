import { describe, expect, it } from 'vitest';
import { findFileLinks, isSafeWebLink, resolveLinkPath } from '../../../src-renderer/features/terminal/links';

const locations = (line: string) => findFileLinks(line).map(({ path, line: row, column, text }) => ({ path, line: row, column, text }));

describe('file links in terminal output', () => {
  it('finds rustc and cargo locations', () => {
    const rustc = [
      'error[E0308]: mismatched types',
      ' --> src/main.rs:4:18',
      '  |',
      '4 |     let x: i32 = "five";',
      "thread 'main' panicked at src/lib.rs:27:9:",
      'warning: unused variable: `y`',
      '   --> crates/lathe-core/src/parser/mod.rs:112:13',
      "error: could not compile `demo` (bin \"demo\") due to 1 previous error",
      '    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.61s',
      '     Running `target/debug/demo`',
      '   Compiling demo v0.1.0 (/home/ada/demo)',
    ];
    expect(rustc.flatMap(locations)).toEqual([
      { path: 'src/main.rs', line: 4, column: 18, text: 'src/main.rs:4:18' },
      { path: 'src/lib.rs', line: 27, column: 9, text: 'src/lib.rs:27:9' },
      { path: 'crates/lathe-core/src/parser/mod.rs', line: 112, column: 13, text: 'crates/lathe-core/src/parser/mod.rs:112:13' },
    ]);
  });

  it('finds cargo test failure locations', () => {
    const line = "thread 'tests::adds' panicked at tests/integration.rs:15:5:";
    expect(locations(line)).toEqual([{ path: 'tests/integration.rs', line: 15, column: 5, text: 'tests/integration.rs:15:5' }]);
  });

  it('finds tsc locations, plain and pretty', () => {
    expect(locations("src/app.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.")).toEqual([
      { path: 'src/app.ts', line: 12, column: 7, text: 'src/app.ts(12,7)' },
    ]);
    expect(locations("src/app.ts:12:7 - error TS2322: Type 'string' is not assignable to type 'number'.")).toEqual([
      { path: 'src/app.ts', line: 12, column: 7, text: 'src/app.ts:12:7' },
    ]);
  });

  it('finds eslint unix and compact locations, with absolute paths', () => {
    expect(locations('/home/ada/web/src/index.js:3:10: Unexpected console statement. [Error/no-console]')).toEqual([
      { path: '/home/ada/web/src/index.js', line: 3, column: 10, text: '/home/ada/web/src/index.js:3:10' },
    ]);
    expect(locations('/home/ada/web/src/index.js: line 3, col 10, Error - Unexpected console statement. (no-console)')).toEqual([
      { path: '/home/ada/web/src/index.js', line: 3, column: 10, text: '/home/ada/web/src/index.js: line 3, col 10' },
    ]);
    expect(locations('C:\\work\\web\\src\\index.ts:8:1 error')).toEqual([
      { path: 'C:\\work\\web\\src\\index.ts', line: 8, column: 1, text: 'C:\\work\\web\\src\\index.ts:8:1' },
    ]);
  });

  it('reports the link range in the line, and ignores times, addresses and URLs', () => {
    const [link] = findFileLinks('  --> src/main.rs:4:18');
    expect(link).toMatchObject({ start: 6, end: 22 });
    expect(locations('started at 12:30:45 on 127.0.0.1:8080 and localhost:3000')).toEqual([]);
    expect(locations('see https://example.com/src/a.rs:1:2 for more')).toEqual([]);
    expect(locations('Compiling lathe v0.1.0')).toEqual([]);
  });

  it('resolves link paths against the terminal folder, inside the workspace only', () => {
    expect(resolveLinkPath('src/main.rs', '', '/w')).toBe('src/main.rs');
    expect(resolveLinkPath('src/main.rs', 'crates/core', '/w')).toBe('crates/core/src/main.rs');
    expect(resolveLinkPath('../b/x.ts', 'a', '/w')).toBe('b/x.ts');
    expect(resolveLinkPath('/w/src/x.ts', 'a', '/w')).toBe('src/x.ts');
    expect(resolveLinkPath('/etc/passwd.txt', '', '/w')).toBeUndefined();
    expect(resolveLinkPath('../../x.ts', 'a', '/w')).toBeUndefined();
    expect(resolveLinkPath('C:\\w\\src\\x.ts', '', 'C:\\w')).toBe('src/x.ts');
  });

  it('lets only http and https links through to the browser', () => {
    expect(isSafeWebLink('https://doc.rust-lang.org/std/')).toBe(true);
    expect(isSafeWebLink('http://localhost:8080/')).toBe(true);
    expect(isSafeWebLink('file:///etc/passwd')).toBe(false);
    expect(isSafeWebLink('javascript:alert(1)')).toBe(false);
    expect(isSafeWebLink('not a url')).toBe(false);
  });
});
