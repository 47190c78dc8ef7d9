import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { HighlightedLabel } from '../../app/commands/HighlightedLabel';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { QuickPick } from '../../platform/ui/QuickPick';
import { openFile, openFileAt, useEditorStore } from '../editor';
import { QuickOpenMatcher, parseQuickOpenQuery } from './items';
import { useQuickOpenStore } from './store';
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
  if (line === undefined) await openFile(path);
  else await openFileAt(path, line, column);
}

function QuickOpenOverlay() {
  const hide = useQuickOpenStore((state) => state.hide);
  const recent = useQuickOpenStore((state) => state.recent);
  const [query, setQuery] = useState('');
  // With no query, Enter goes back to the previous file rather than the one already showing.
  const [initialActive] = useState(() => (recent.length > 1 && recent[0] === useEditorStore.getState().activePath ? 1 : 0));
  const [files, setFiles] = useState<Files>({ state: 'loading' });

  useEffect(() => {
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

  const empty =
    files.state === 'loading' ? 'Loading files…' : files.state === 'failed' ? `Could not list the files: ${files.message}` : 'No matching files';

  return (
    <QuickPick
      value={query}
      onValueChange={setQuery}
      placeholder="Search files by name (append :line to go to a line)"
      inputTestId="quick-open-input"
      items={items}
      initialActiveIndex={initialActive}
      getKey={(item) => item.path}
      renderItem={(item) => (
        <>
          <span className="quick-open-label">
            <HighlightedLabel text={item.name} positions={item.namePositions} />
            {item.folder ? (
              <span className="quick-open-folder">
                <HighlightedLabel text={item.folder} positions={item.folderPositions} />
              </span>
            ) : null}
          </span>
          {item.recent && text === '' ? <span className="quick-open-recent">recently opened</span> : null}
        </>
      )}
      getRowAttributes={(item) => ({ className: 'quick-open-item', 'data-path': item.path, title: item.path })}
      emptyText={empty}
      footer={files.state === 'loaded' && files.truncated ? 'Only the first files of this large workspace are searched.' : null}
      listAriaLabel="Files"
      onPick={(item) => void openFromQuickOpen(item.path, parsed.line, parsed.column)}
      // Enter typed before the rows caught up opens the best match for what is in the input.
      itemForEnter={(active) => (text === parsed.text ? active : matcher.items(parsed.text, recent, 1)[0])}
      onHide={hide}
      returnFocus={() => useQuickOpenStore.getState().returnFocus}
      ariaLabel="Go to File"
      testId="quick-open"
      className="quick-open"
    />
  );
}
