import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';
import type { WorkspaceSymbol } from '../../../../src-shared/contract';
import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { Codicon } from '../../../platform/ui/Codicon';
import { QuickPick } from '../../../platform/ui/QuickPick';
import { openFileAt } from '../../editor';
import { symbolIcon } from './symbol-icon';
import './workspace-symbols.css';

interface PickerState {
  generation: number;
  open: boolean;
  returnFocus: Element | null;
}

const usePicker = create<PickerState>()(() => ({ generation: 0, open: false, returnFocus: null }));

/** Servers search as you type; a pause this long sends the query. */
const queryDelayMs = 150;

/** The last answer, and the query it answers (results stay while the next query is on its way). */
type Answer = { query: string; symbols: WorkspaceSymbol[] } | { query: string; error: string };

function SymbolsOverlay() {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      host()
        .language.workspaceSymbols({ query })
        .then(
          (symbols) => current && setAnswer({ query, symbols }),
          (error: unknown) => current && setAnswer({ query, error: errorMessage(error) }),
        );
    }, queryDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const idle = query.trim() === '';
  const symbols = !idle && answer && 'symbols' in answer ? answer.symbols : [];
  const empty = idle
    ? 'Type to search for symbols in the workspace'
    : answer?.query !== query
      ? 'Searching…'
      : 'error' in answer
        ? answer.error
        : 'No matching symbols';
  return (
    <QuickPick
      value={query}
      onValueChange={setQuery}
      placeholder="Go to symbol in workspace"
      inputTestId="workspace-symbols-input"
      items={symbols}
      getKey={(symbol) => `${symbol.location.path}:${String(symbol.location.range.start.line)}:${String(symbol.location.range.start.column)}:${symbol.name}`}
      renderItem={(symbol) => (
        <span className="workspace-symbol">
          <Codicon name={symbolIcon(symbol.kind)} />
          <span className="workspace-symbol-name">{symbol.name}</span>
          <span className="workspace-symbol-where">{[symbol.containerName, symbol.location.path].filter(Boolean).join(' · ')}</span>
        </span>
      )}
      getRowAttributes={(symbol) => ({ title: `${symbol.name} · ${symbol.location.path}`, 'data-path': symbol.location.path })}
      emptyText={empty}
      listAriaLabel="Workspace Symbols"
      onPick={(symbol) => void openFileAt(symbol.location.path, symbol.location.range.start.line, symbol.location.range.start.column)}
      onHide={() => usePicker.setState({ open: false, returnFocus: null })}
      returnFocus={() => usePicker.getState().returnFocus}
      ariaLabel="Go to Symbol in Workspace"
      testId="workspace-symbols"
    />
  );
}

function WorkspaceSymbols() {
  const { open, generation } = usePicker();
  return open ? <SymbolsOverlay key={generation} /> : null;
}

let mounted = false;

/** Go to Symbol in Workspace (Ctrl/Cmd+T): symbols from every running language server. */
export function showWorkspaceSymbols(): void {
  if (!mounted) {
    mounted = true;
    const container = document.createElement('div');
    container.className = 'workspace-symbols-host';
    document.body.appendChild(container);
    createRoot(container).render(<WorkspaceSymbols />);
  }
  usePicker.setState((state) => ({ open: true, generation: state.generation + 1, returnFocus: document.activeElement }));
}
