import type { AiLineRegion } from '../../../src-shared/contract';

/** The empty region after a file's last line (a final newline leaves an empty last line in the editor). */
function endOfFile(lines: readonly string[]): AiLineRegion {
  const last = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  return { startLine: last + 1, endLine: last };
}

/** Before the closing brace of a top-level `#[cfg(test)] mod tests { … }` as rustfmt writes it, else at the end of the file. */
export function rustTestsInsertion(lines: readonly string[]): { region: AiLineRegion; inTestsModule: boolean } {
  const module = lines.findIndex((line, index) => /^mod tests\s*\{/.test(line) && /^#\[cfg\(test\)\]/.test(lines[index - 1] ?? ''));
  const close = module < 0 ? -1 : lines.findIndex((line, index) => index > module && line === '}');
  return close < 0 ? { region: endOfFile(lines), inTestsModule: false } : { region: { startLine: close + 1, endLine: close }, inTestsModule: true };
}

function split(path: string): { folder: string; stem: string; extension: string } {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return { folder: slash < 0 ? '' : path.slice(0, slash + 1), stem: dot > 0 ? name.slice(0, dot) : name, extension: dot > 0 ? name.slice(dot) : '' };
}

/**
 * The usual test file of a source file: `<name>.test.ts` beside it (or under `test/`, mirroring the folders below
 * `src/`, when the project keeps its tests there), `tests/test_<name>.py`, `<name>_test.go`; undefined for other languages.
 */
export function testFileFor(path: string, languageId: string, hasTestFolder: boolean): string | undefined {
  const { folder, stem, extension } = split(path);
  switch (languageId) {
    case 'typescript':
    case 'javascript':
      return hasTestFolder ? `test/${folder.replace(/^src\//, '')}${stem}.test${extension}` : `${folder}${stem}.test${extension}`;
    case 'python':
      return `tests/test_${stem}.py`;
    case 'go':
      return `${folder}${stem}_test.go`;
    default:
      return undefined;
  }
}
