import { describe, expect, it } from 'vitest';
import { DiagnosticReader, parseCargoMessage, parseTestList, TestOutputParser } from '../../../../src-main/services/cargo';
import { moduleOfFile, scanRunnableFunctions, testPath } from '../../../../src-shared/rust-source-scan';

const paths = { relative: (absolute: string) => (absolute.startsWith('/ws/') ? absolute.slice(4) : null) };

function compilerMessage(message: object): string {
  return JSON.stringify({ reason: 'compiler-message', package_id: 'x', message });
}

describe('rustc messages', () => {
  it('counts columns in UTF-16 code units, as the editor does', () => {
    const line = '    let s = "😀"; let n: u8 = 300;';
    const start = [...line].indexOf('3') + 1;
    const parsed = parseCargoMessage(
      compilerMessage({
        message: 'literal out of range for `u8`',
        level: 'error',
        code: null,
        children: [],
        spans: [{ file_name: 'src/main.rs', line_start: 2, line_end: 2, column_start: start, column_end: start + 3, is_primary: true, text: [{ text: line }] }],
      }),
    );
    expect(parsed?.reason).toBe('compiler-message');
    const located = parsed?.reason === 'compiler-message' ? new DiagnosticReader('/ws', paths).read(parsed.message) : null;
    expect(located?.diagnostics[0]?.range).toEqual({ start: { line: 2, column: line.indexOf('300') + 1 }, end: { line: 2, column: line.indexOf('300') + 4 } });
  });

  it('follows a span in a macro from elsewhere to where the macro is used', () => {
    const parsed = parseCargoMessage(
      compilerMessage({
        message: 'unused result',
        level: 'warning',
        children: [],
        spans: [
          {
            file_name: '/rustlib/src/macros.rs',
            line_start: 9,
            line_end: 9,
            column_start: 1,
            column_end: 5,
            is_primary: true,
            expansion: { span: { file_name: 'src/lib.rs', line_start: 3, line_end: 3, column_start: 5, column_end: 20, is_primary: false } },
          },
        ],
      }),
    );
    const located = parsed?.reason === 'compiler-message' ? new DiagnosticReader('/ws', paths).read(parsed.message) : null;
    expect(located).toMatchObject({ path: 'src/lib.rs', diagnostics: [{ severity: 'warning', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 20 } } }] });
  });

  it('ignores lines that are not cargo messages', () => {
    expect(parseCargoMessage('test tests::adds ... ok')).toBeNull();
    expect(parseCargoMessage('{"reason":"compiler-message"')).toBeNull();
  });
});

describe('libtest output', () => {
  it('lists tests and leaves benchmarks out', () => {
    expect(parseTestList('tests::adds: test\nbench::fast: bench\n\n2 tests, 1 benchmark\n')).toEqual(['tests::adds']);
  });

  it('reports passes at once and failures with their output at the summary', () => {
    const parser = new TestOutputParser();
    const lines = [
      'running 3 tests',
      'test tests::adds ... ok',
      'test tests::slow ... ignored, takes too long',
      'test tests::breaks ... FAILED',
      '',
      'failures:',
      '',
      '---- tests::breaks stdout ----',
      "thread 'tests::breaks' panicked at src/lib.rs:9:5:",
      'it broke',
      '',
      'failures:',
      '    tests::breaks',
      '',
      'test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out',
    ];
    const results = lines.flatMap((line) => parser.push(line));
    expect(results).toEqual([
      { name: 'tests::adds', outcome: 'passed' },
      { name: 'tests::slow', outcome: 'ignored' },
      { name: 'tests::breaks', outcome: 'failed', output: "thread 'tests::breaks' panicked at src/lib.rs:9:5:\nit broke" },
    ]);
  });
});

describe('scanning Rust sources for runnable functions', () => {
  const source = [
    'fn main() {',
    '    println!("{}", "}");',
    '}',
    '',
    '#[cfg(test)]',
    'mod tests {',
    '    use super::*;',
    '',
    '    #[test]',
    '    #[should_panic]',
    '    fn panics() { panic!() }',
    '',
    '    mod nested {',
    '        #[tokio::test]',
    '        async fn waits() {}',
    '    }',
    '',
    '    /* #[test]',
    '    fn commented_out() {} */',
    '    fn helper() {}',
    '}',
  ].join('\n');

  it('finds main and the tests with their modules and lines', () => {
    expect(scanRunnableFunctions(source)).toEqual([
      { kind: 'main', name: 'main', modules: [], line: 1 },
      { kind: 'test', name: 'panics', modules: ['tests'], line: 9 },
      { kind: 'test', name: 'waits', modules: ['tests', 'nested'], line: 14 },
    ]);
  });

  it('names tests the way libtest does, from the file\'s module', () => {
    expect(testPath(moduleOfFile('src', 'src/net/tcp.rs', 'src/lib.rs'), { modules: ['tests'], name: 'connects' })).toBe('net::tcp::tests::connects');
    expect(moduleOfFile('src', 'src/net/mod.rs', 'src/lib.rs')).toEqual(['net']);
    expect(moduleOfFile('tests', 'tests/api.rs', 'tests/api.rs')).toEqual([]);
  });
});
