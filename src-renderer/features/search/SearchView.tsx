import { memo, useEffect, useRef } from 'react';
import type { TextSearchMatch } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { openFileAt } from '../editor';
import { replaceInFiles, replacementFor } from './replace';
import { runSearch, scheduleSearch } from './run-search';
import { useSearchStore, type SearchFileResult, type SearchOptions } from './store';
import './search.css';

type Toggle = 'matchCase' | 'wholeWord' | 'isRegex';

const toggles: { key: Toggle; icon: string; title: string }[] = [
  { key: 'matchCase', icon: 'case-sensitive', title: 'Match Case' },
  { key: 'wholeWord', icon: 'whole-word', title: 'Match Whole Word' },
  { key: 'isRegex', icon: 'regex', title: 'Use Regular Expression' },
];

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

function baseName(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash) };
}

function MatchRow({ path, match }: { path: string; match: TextSearchMatch }) {
  const replacement = useSearchStore((state) => state.replacement);
  const query = useSearchStore((state) => state.query);
  const isRegex = useSearchStore((state) => state.isRegex);
  const matchCase = useSearchStore((state) => state.matchCase);
  const wholeWord = useSearchStore((state) => state.wholeWord);
  const { preview, previewStart, length } = match;
  // Leading indentation says nothing in a result list.
  const indent = Math.min(previewStart, preview.length - preview.trimStart().length);
  // Keep the match in sight in a narrow side bar: only the last words before it are shown.
  const lead = preview.slice(indent, previewStart);
  const before = lead.length > 24 ? `…${lead.slice(-20)}` : lead;
  const matched = preview.slice(previewStart, previewStart + length);
  const after = preview.slice(previewStart + length);
  const replaced = replacement === '' ? null : replacementFor(matched, { query, isRegex, matchCase, wholeWord }, replacement);
  return (
    <div
      role="treeitem"
      tabIndex={-1}
      className="search-match"
      data-testid="search-match"
      data-line={match.line}
      title={`Line ${String(match.line)}, column ${String(match.column)}`}
      onClick={() => void openFileAt(path, match.line, match.column, { preview: true })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void openFileAt(path, match.line, match.column, { preview: true });
      }}
    >
      <span className="search-match-text">
        {before}
        <mark className={replaced === null ? 'search-highlight' : 'search-highlight removed'}>{matched}</mark>
        {replaced !== null && <ins className="search-highlight added">{replaced}</ins>}
        {after}
      </span>
    </div>
  );
}

/** Memoized: files already shown keep their identity as results stream in, so only new rows render. */
const FileRow = memo(function FileRow({ file }: { file: SearchFileResult }) {
  const toggleFile = useSearchStore((state) => state.toggleFile);
  const replacing = useSearchStore((state) => state.replacing);
  const { name, folder } = baseName(file.path);
  return (
    <div className="search-file-group" role="group">
      <div
        role="treeitem"
        tabIndex={-1}
        aria-expanded={!file.collapsed}
        className="search-file"
        data-testid="search-file"
        data-path={file.path}
        title={file.path}
        onClick={() => toggleFile(file.path)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') toggleFile(file.path);
        }}
      >
        <Codicon name={file.collapsed ? 'chevron-right' : 'chevron-down'} />
        <span className="search-file-name">{name}</span>
        <span className="search-file-folder">{folder}</span>
        <span className="search-file-actions">
          <button
            type="button"
            className="icon-button"
            title="Replace All in File"
            aria-label={`Replace all in ${file.path}`}
            data-testid="search-replace-file"
            disabled={replacing}
            onClick={(event) => {
              event.stopPropagation();
              void replaceInFiles([file.path]);
            }}
          >
            <Codicon name="replace-all" />
          </button>
        </span>
        <span className="badge" data-testid="search-file-count">
          {file.matches.length}
        </span>
      </div>
      {!file.collapsed && file.matches.map((match) => <MatchRow key={`${String(match.line)}:${String(match.column)}`} path={file.path} match={match} />)}
    </div>
  );
});

/** The Search side bar view: find (and replace) in the workspace's files, results grouped by file. */
export function SearchView() {
  const state = useSearchStore();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.focusRequest === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [state.focusRequest]);

  const change = (options: Partial<SearchOptions>, debounce: boolean): void => {
    useSearchStore.getState().setOptions(options);
    if (debounce) scheduleSearch();
    else runSearch();
  };

  const { summary, status } = state;
  let message = '';
  if (state.query !== '' && status === 'searching' && state.files.length === 0) message = 'Searching…';
  else if (summary && summary.matchCount === 0) message = 'No results found.';
  else if (summary) message = `${plural(summary.matchCount, 'result')} in ${plural(summary.fileCount, 'file')}`;

  return (
    <div className="search-view">
      <header className="side-bar-title">
        <h2>Search</h2>
      </header>
      <div className="search-form">
        <div className={`search-box${state.error ? ' invalid' : ''}`}>
          <input
            ref={inputRef}
            className="search-input"
            data-testid="search-input"
            aria-label="Search"
            placeholder="Search"
            spellCheck={false}
            value={state.query}
            onChange={(event) => change({ query: event.target.value }, true)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') runSearch();
            }}
          />
          <span className="search-toggles">
            {toggles.map((toggle) => (
              <button
                key={toggle.key}
                type="button"
                className={`icon-button search-toggle${state[toggle.key] ? ' active' : ''}`}
                title={toggle.title}
                aria-label={toggle.title}
                aria-pressed={state[toggle.key]}
                data-testid={`search-toggle-${toggle.key}`}
                onClick={() => change({ [toggle.key]: !state[toggle.key] }, false)}
              >
                <Codicon name={toggle.icon} />
              </button>
            ))}
          </span>
        </div>
        {state.error && (
          <div className="search-error" role="alert" data-testid="search-error">
            {state.error}
          </div>
        )}
        <div className="search-replace-row">
          <div className="search-box">
            <input
              className="search-input"
              data-testid="replace-input"
              aria-label="Replace"
              placeholder="Replace"
              spellCheck={false}
              value={state.replacement}
              onChange={(event) => useSearchStore.getState().setOptions({ replacement: event.target.value })}
            />
          </div>
          <button
            type="button"
            className="icon-button"
            title="Replace All"
            aria-label="Replace All"
            data-testid="replace-all"
            disabled={state.replacing || state.files.length === 0}
            onClick={() => void replaceInFiles()}
          >
            <Codicon name="replace-all" />
          </button>
        </div>
        <div className="search-details-toggle">
          <button
            type="button"
            className="icon-button"
            title="Toggle Search Details"
            aria-label="Toggle Search Details"
            aria-expanded={state.showDetails}
            data-testid="search-details"
            onClick={() => useSearchStore.getState().toggleDetails()}
          >
            <Codicon name="ellipsis" />
          </button>
        </div>
        {state.showDetails && (
          <div className="search-details">
            <label>
              <span>files to include</span>
              <input
                className="search-input"
                data-testid="search-include"
                placeholder="e.g. *.ts, src/**/include"
                spellCheck={false}
                value={state.include}
                onChange={(event) => change({ include: event.target.value }, true)}
              />
            </label>
            <label>
              <span>files to exclude</span>
              <input
                className="search-input"
                data-testid="search-exclude"
                placeholder="e.g. *.ts, src/**/exclude"
                spellCheck={false}
                value={state.exclude}
                onChange={(event) => change({ exclude: event.target.value }, true)}
              />
            </label>
          </div>
        )}
      </div>
      {message !== '' && (
        <div className="search-message" data-testid="search-message" aria-live="polite">
          {message}
        </div>
      )}
      {summary?.truncated && (
        <div className="search-message search-truncated" data-testid="search-truncated">
          {summary.omitted > 0 ? `${plural(summary.omitted, 'more result')} not shown` : 'More results not shown'} — refine your search.
        </div>
      )}
      <div className="search-results" role="tree" aria-label="Search Results" data-testid="search-results">
        {state.files.map((file) => (
          <FileRow key={file.path} file={file} />
        ))}
      </div>
    </div>
  );
}
