import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { HighlightedLabel } from '../../app/commands/HighlightedLabel';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { openFile, useEditorStore } from '../editor';
import { QuickOpenMatcher, parseQuickOpenQuery, type QuickOpenItem } from './items';
import { revealInEditor } from './reveal';
import { useQuickOpenStore } from './store';
import '../../app/commands/command-palette.css';
import './quick-open.css';

/** Rendering more rows than this gains nothing and slows typing in large workspaces. */
const rowCap = 200;

type Files = { state: 'loading' } | { state: 'loaded'; matcher: QuickOpenMatcher; truncated: boolean } | { state: 'failed'; message: string };

/** The overlay for Ctrl/Cmd+P: the workspace's files, fuzzy-filtered as you type. */
export function QuickOpen() {
  const open = useQuickOpenStore((state) => state.open);
  const generation = useQuickOpenStore((state) => state.generation);
  if (!open) return null;
  return <QuickOpenOverlay key={generation} />;
}

/** Opens a file (through quick open, so it counts as recent) and optionally moves the cursor to a line. */
export async function openFromQuickOpen(path: string, line?: number, column?: number): Promise<void> {
  useQuickOpenStore.getState().remember(path);
  await openFile(path);
  if (line !== undefined && useEditorStore.getState().activePath === path) await revealInEditor(path, line, column);
}

function QuickOpenOverlay() {
  const hide = useQuickOpenStore((state) => state.hide);
  const recent = useQuickOpenStore((state) => state.recent);
  const [query, setQuery] = useState('');
  // With no query, Enter goes back to the previous file rather than the one already showing.
  const [active, setActive] = useState(() => (recent.length > 1 && recent[0] === useEditorStore.getState().activePath ? 1 : 0));
  const [files, setFiles] = useState<Files>({ state: 'loading' });
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    input.current?.focus();
    let cancelled = false;
    host()
      .workspace.findFiles({})
      .then(
        (found) => {
          if (!cancelled) setFiles({ state: 'loaded', matcher: new QuickOpenMatcher(found.paths), truncated: found.truncated });
        },
        (error: unknown) => {
          if (!cancelled) setFiles({ state: 'failed', message: errorMessage(error) });
        },
      );
    return () => {
      cancelled = true;
    };
  }, []);

  const parsed = useMemo(() => parseQuickOpenQuery(query), [query]);
  // Until the list arrives, the recent files are still there to pick from.
  const fallback = useMemo(() => new QuickOpenMatcher(recent), [recent]);
  const matcher = files.state === 'loaded' ? files.matcher : fallback;
  // Matching 100k paths takes a moment: typing stays responsive and the rows follow.
  const text = useDeferredValue(parsed.text);
  const items = useMemo(() => matcher.items(text, recent, rowCap), [matcher, text, recent]);
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, items]);

  const dismiss = (): void => {
    const { returnFocus } = useQuickOpenStore.getState();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    hide();
  };

  const pick = (item: QuickOpenItem): void => {
    dismiss();
    void openFromQuickOpen(item.path, parsed.line, parsed.column);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const move = (to: number) => {
      event.preventDefault();
      if (items.length > 0) setActive((to + items.length) % items.length);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(Math.min(activeIndex + 10, items.length - 1));
    else if (event.key === 'PageUp') move(Math.max(activeIndex - 10, 0));
    else if (event.key === 'Escape') {
      event.preventDefault();
      dismiss();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter typed before the rows caught up opens the best match for what is in the input.
      const item = text === parsed.text ? items[activeIndex] : matcher.items(parsed.text, recent, 1)[0];
      if (item) pick(item);
    }
  };

  const activeId = items[activeIndex] ? `quick-open-item-${activeIndex}` : undefined;
  const empty =
    files.state === 'loading' ? 'Loading files…' : files.state === 'failed' ? `Could not list the files: ${files.message}` : 'No matching files';

  return (
    <div
      className="command-palette quick-open"
      data-testid="quick-open"
      role="dialog"
      aria-label="Go to File"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hide();
      }}
    >
      <div className="command-palette-input-row">
        <input
          ref={input}
          className="command-palette-input"
          data-testid="quick-open-input"
          type="text"
          value={query}
          placeholder="Search files by name (append :line to go to a line)"
          spellCheck={false}
          autoComplete="off"
          role="combobox"
          aria-expanded="true"
          aria-controls="quick-open-list"
          aria-activedescendant={activeId}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div ref={list} id="quick-open-list" className="command-palette-list" role="listbox" aria-label="Files">
        {items.length === 0 ? (
          <div className="command-palette-empty">{empty}</div>
        ) : (
          items.map((item, index) => (
            <div
              key={item.path}
              id={`quick-open-item-${index}`}
              className="command-palette-item quick-open-item"
              role="option"
              aria-selected={index === activeIndex}
              data-path={item.path}
              title={item.path}
              onMouseMove={() => setActive(index)}
              // Keep focus in the input so its blur does not close the overlay before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(item)}
            >
              <span className="quick-open-label">
                <HighlightedLabel text={item.name} positions={item.namePositions} />
                {item.folder ? (
                  <span className="quick-open-folder">
                    <HighlightedLabel text={item.folder} positions={item.folderPositions} />
                  </span>
                ) : null}
              </span>
              {item.recent && text === '' ? <span className="quick-open-recent">recently opened</span> : null}
            </div>
          ))
        )}
        {files.state === 'loaded' && files.truncated ? (
          <div className="command-palette-empty">Only the first files of this large workspace are searched.</div>
        ) : null}
      </div>
    </div>
  );
}
