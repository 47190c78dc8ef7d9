import type { AiLineRegion, DocumentSymbol } from '../../../src-shared/contract';
import { selectedLines, type EditorTarget } from './editor-target';
import { documentSymbols, symbolLines } from './symbols';

export interface CursorCode {
  region: AiLineRegion;
  /** The symbol's name when the language server found one. */
  name: string | undefined;
}

/** The code an action is about: the selection, else the symbol `pick` finds at the cursor, else the cursor's line. */
export async function cursorCode(target: EditorTarget, pick: (symbols: readonly DocumentSymbol[], line: number) => DocumentSymbol | undefined): Promise<CursorCode> {
  const selected = selectedLines(target.editor.getSelection());
  if (selected) return { region: selected, name: undefined };
  const line = target.editor.getPosition()?.lineNumber ?? 1;
  const symbol = pick(await documentSymbols(target.model, target.path), line);
  return symbol ? { region: symbolLines(symbol), name: symbol.name } : { region: { startLine: line, endLine: line }, name: undefined };
}
