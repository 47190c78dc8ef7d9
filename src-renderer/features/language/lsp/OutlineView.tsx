import { useEffect, useState } from 'react';
import type { DocumentSymbol } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import { Codicon } from '../../../platform/ui/Codicon';
import { getModel, openFileAt, useEditorStore } from '../../editor';
import { serverForLanguage, useServerStatus } from './server-status';
import { symbolIcon } from './symbol-icon';
import './outline.css';

/** The outline follows typing after this pause. */
const refreshDelayMs = 500;

type Outline = { path: string; symbols: DocumentSymbol[] } | { path: string | null; message: string };

function SymbolRows({ path, symbols, depth }: { path: string; symbols: readonly DocumentSymbol[]; depth: number }) {
  return symbols.map((symbol) => (
    <div key={`${symbol.name}:${String(symbol.range.start.line)}:${String(symbol.range.start.column)}`} role="group">
      <div
        role="treeitem"
        tabIndex={-1}
        className="outline-row"
        data-testid="outline-row"
        style={{ paddingLeft: 12 + depth * 16 }}
        title={symbol.detail ? `${symbol.name} ${symbol.detail}` : symbol.name}
        onClick={() => void openFileAt(path, symbol.selectionRange.start.line, symbol.selectionRange.start.column)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void openFileAt(path, symbol.selectionRange.start.line, symbol.selectionRange.start.column);
        }}
      >
        <Codicon name={symbolIcon(symbol.kind)} className="outline-icon" />
        <span className="outline-name">{symbol.name}</span>
        {symbol.detail ? <span className="outline-detail">{symbol.detail}</span> : null}
      </div>
      <SymbolRows path={path} symbols={symbol.children} depth={depth + 1} />
    </div>
  ));
}

/** The Outline side bar view: the active file's symbols, as its language server reports them. */
export function OutlineView() {
  const path = useEditorStore((state) => state.activePath);
  const servers = useServerStatus((state) => state.servers);
  const [outline, setOutline] = useState<Outline>({ path: null, message: 'There is no editor open.' });
  useEffect(() => {
    const model = path ? getModel(path) : undefined;
    if (!path || !model) return;
    let current = true;
    const read = (): void => {
      if (!serverForLanguage(servers, model.getLanguageId())?.features.documentSymbols) {
        setOutline({ path, message: 'The active editor cannot provide outline information.' });
        return;
      }
      host()
        .language.documentSymbols({ path })
        .then(
          (symbols) => current && setOutline({ path, symbols }),
          () => current && setOutline({ path, message: 'The language server could not list the symbols.' }),
        );
    };
    let timer = setTimeout(read, 0);
    const listener = model.onDidChangeContent(() => {
      clearTimeout(timer);
      timer = setTimeout(read, refreshDelayMs);
    });
    return () => {
      current = false;
      clearTimeout(timer);
      listener.dispose();
    };
  }, [path, servers]);
  const shown = path && outline.path === path ? outline : { path, message: path ? 'Loading…' : 'There is no editor open.' };
  return (
    <div className="outline-view" data-testid="outline-view">
      <header className="side-bar-title">
        <h2>Outline</h2>
      </header>
      <div className="outline-tree" role="tree" aria-label="Outline">
        {'symbols' in shown ? (
          shown.symbols.length > 0 ? <SymbolRows path={shown.path} symbols={shown.symbols} depth={0} /> : <div className="outline-message">No symbols found in this file.</div>
        ) : (
          <div className="outline-message">{shown.message}</div>
        )}
      </div>
    </div>
  );
}
