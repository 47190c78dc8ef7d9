import type { editor } from 'monaco-editor';
import type { AiLineRegion, DocumentSymbol, SymbolKindName } from '../../../src-shared/contract';
import { host } from '../../platform/host';

/** One request per version of a file: the lightbulb asks on every cursor move. */
const asked = new WeakMap<editor.ITextModel, { version: number; symbols: Promise<DocumentSymbol[]> }>();

/** The file's symbols from its language server; none when no server serves the file or it could not answer. */
export function documentSymbols(model: editor.ITextModel, path: string): Promise<DocumentSymbol[]> {
  const version = model.getVersionId();
  const cached = asked.get(model);
  if (cached?.version === version) return cached.symbols;
  const symbols = host()
    .language.documentSymbols({ path })
    .catch((): DocumentSymbol[] => []);
  asked.set(model, { version, symbols });
  return symbols;
}

const functionKinds: ReadonlySet<SymbolKindName> = new Set(['function', 'method', 'constructor']);
/** What a symbol may hold that documentation is written for; symbols inside a function are its locals. */
const containerKinds: ReadonlySet<SymbolKindName> = new Set(['module', 'namespace', 'package', 'class', 'struct', 'enum', 'interface', 'object']);

function containing(symbols: readonly DocumentSymbol[], line: number): DocumentSymbol | undefined {
  return symbols.find((symbol) => symbol.range.start.line <= line && line <= symbol.range.end.line);
}

/** The innermost declaration around a line (a function, a type, a field), not a function's locals. */
export function declarationAt(symbols: readonly DocumentSymbol[], line: number): DocumentSymbol | undefined {
  let found: DocumentSymbol | undefined;
  for (let next = containing(symbols, line); next; next = containerKinds.has(next.kind) ? containing(next.children, line) : undefined) found = next;
  return found;
}

/** The innermost function or method around a line. */
export function functionAt(symbols: readonly DocumentSymbol[], line: number): DocumentSymbol | undefined {
  let found: DocumentSymbol | undefined;
  for (let next = containing(symbols, line); next; next = containing(next.children, line)) if (functionKinds.has(next.kind)) found = next;
  return found;
}

export function symbolLines(symbol: DocumentSymbol): AiLineRegion {
  return { startLine: symbol.range.start.line, endLine: symbol.range.end.line };
}
