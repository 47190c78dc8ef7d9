/** A function cargo can run from a Rust source file: `fn main`, or a `#[test]` function. */
export interface RunnableFunction {
  kind: 'main' | 'test';
  name: string;
  /** The inline modules around it (`mod tests { … }`), outermost first. */
  modules: string[];
  /** 1-based line of its first attribute (`#[test]`), or of `fn` for main: where a "Run" lens goes. */
  line: number;
}

const testAttribute = /^\s*#\[(?:[\w:]+::)?test\b/;
const otherAttribute = /^\s*#\[/;
const functionDeclaration = /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:(?:async|const|unsafe|extern(?:\s+"[^"]*")?)\s+)*fn\s+([A-Za-z_]\w*)/;
const inlineModule = /^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_]\w*)\s*\{/;

/** The line without its comment and string literals, so their braces are not counted. */
function codeOf(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)'/g, "''").replace(/\/\/.*$/, '');
}

/**
 * Finds `fn main` (at the top of the file) and test functions with a line scan, brace depth and the
 * stack of inline modules: enough for run lenses and for locating tests without a language server.
 */
export function scanRunnableFunctions(text: string): RunnableFunction[] {
  const found: RunnableFunction[] = [];
  const modules: { name: string; depth: number }[] = [];
  let depth = 0;
  let testAttributeLine: number | null = null;
  let inBlockComment = false;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? '';
    if (inBlockComment) {
      const end = line.indexOf('*/');
      if (end < 0) continue;
      line = line.slice(end + 2);
      inBlockComment = false;
    }
    let visible = codeOf(line);
    const blockStart = visible.indexOf('/*');
    if (blockStart >= 0 && !visible.includes('*/', blockStart)) {
      inBlockComment = true;
      visible = visible.slice(0, blockStart);
    }

    if (testAttribute.test(visible)) testAttributeLine ??= index + 1;
    const fn = functionDeclaration.exec(visible);
    if (fn?.[1]) {
      if (testAttributeLine !== null) found.push({ kind: 'test', name: fn[1], modules: modules.map((module) => module.name), line: testAttributeLine });
      else if (fn[1] === 'main' && depth === 0) found.push({ kind: 'main', name: 'main', modules: [], line: index + 1 });
      testAttributeLine = null;
    } else if (visible.trim() !== '' && !otherAttribute.test(visible)) {
      testAttributeLine = null;
    }

    const module = inlineModule.exec(visible);
    if (module?.[1]) modules.push({ name: module[1], depth: depth + 1 });
    for (const character of visible) {
      if (character === '{') depth++;
      else if (character === '}') {
        depth--;
        while (modules.length > 0 && (modules[modules.length - 1]?.depth ?? 0) > depth) modules.pop();
      }
    }
  }
  return found;
}

/** The path libtest knows a test by: its file's module path, its inline modules, its name. */
export function testPath(fileModules: readonly string[], test: Pick<RunnableFunction, 'modules' | 'name'>): string {
  return [...fileModules, ...test.modules, test.name].join('::');
}

/**
 * The module path of a source file inside its crate, from the crate root's folder: `src/lib.rs` and
 * `src/main.rs` are the root, `src/net/mod.rs` and `src/net.rs` are `net`, `src/net/tcp.rs` is `net::tcp`.
 */
export function moduleOfFile(rootFolder: string, file: string, crateRoot: string): string[] {
  if (file === crateRoot) return [];
  const prefix = rootFolder === '' ? '' : `${rootFolder}/`;
  if (!file.startsWith(prefix) || !file.endsWith('.rs')) return [];
  const parts = file.slice(prefix.length, -3).split('/');
  if (parts[parts.length - 1] === 'mod') parts.pop();
  return parts;
}
