import { useEffect, useState, type KeyboardEvent } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { useTerminalStore } from './store';
import { activeTerminalInstance } from './terminals';

/** The find box over the active terminal (Ctrl/Cmd+F in a terminal): Enter finds the next match, Shift+Enter the previous. */
export function TerminalFind() {
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [regex, setRegex] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const [results, setResults] = useState<{ index: number; count: number } | null>(null);
  const activeId = useTerminalStore((state) => state.activeTerminalId);
  useEffect(() => {
    const subscription = activeTerminalInstance()?.search.onDidChangeResults(({ resultIndex, resultCount }) =>
      setResults({ index: resultIndex, count: resultCount }),
    );
    return () => subscription?.dispose();
  }, [activeId]);

  const find = (direction: 'next' | 'previous', text = query, options = { caseSensitive, regex }): void => {
    const instance = activeTerminalInstance();
    if (!instance || text === '') {
      instance?.clearFind();
      setNotFound(false);
      return;
    }
    try {
      setNotFound(!instance.find(text, direction, options));
    } catch {
      // A regular expression still being typed does not compile yet.
      setNotFound(true);
    }
  };
  const close = (): void => {
    const instance = activeTerminalInstance();
    instance?.clearFind();
    useTerminalStore.getState().setFindOpen(false);
    instance?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') find(event.shiftKey ? 'previous' : 'next');
    else if (event.key === 'Escape') close();
  };
  const toggle = (option: 'case' | 'regex'): void => {
    const next = { caseSensitive: option === 'case' ? !caseSensitive : caseSensitive, regex: option === 'regex' ? !regex : regex };
    setCaseSensitive(next.caseSensitive);
    setRegex(next.regex);
    find('next', query, next);
  };

  return (
    <div className={`terminal-find${notFound ? ' not-found' : ''}`} data-testid="terminal-find" role="search">
      <input
        aria-label="Find in terminal"
        placeholder="Find"
        data-testid="terminal-find-input"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          find('next', event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="button" className={`icon-button${caseSensitive ? ' checked' : ''}`} title="Match Case" aria-pressed={caseSensitive} onClick={() => toggle('case')}>
        <Codicon name="case-sensitive" />
      </button>
      <button type="button" className={`icon-button${regex ? ' checked' : ''}`} title="Use Regular Expression" aria-pressed={regex} onClick={() => toggle('regex')}>
        <Codicon name="regex" />
      </button>
      <span className="terminal-find-status" data-testid="terminal-find-status">
        {notFound ? 'No results' : results && results.count > 0 ? `${String(results.index + 1)} of ${String(results.count)}` : ''}
      </span>
      <button type="button" className="icon-button" title="Previous Match (Shift+Enter)" aria-label="Previous Match" onClick={() => find('previous')}>
        <Codicon name="arrow-up" />
      </button>
      <button type="button" className="icon-button" title="Next Match (Enter)" aria-label="Next Match" onClick={() => find('next')}>
        <Codicon name="arrow-down" />
      </button>
      <button type="button" className="icon-button" title="Close (Escape)" aria-label="Close Find" onClick={close}>
        <Codicon name="close" />
      </button>
    </div>
  );
}
