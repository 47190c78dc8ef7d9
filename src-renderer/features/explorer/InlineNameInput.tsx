import { useEffect, useRef, useState } from 'react';
import { commitEdit } from './operations';
import { useExplorerStore } from './store';

interface InlineNameInputProps {
  initial: string;
  /** For a rename, the file name is selected without its extension, like VS Code. */
  selectStem: boolean;
}

/** The name box of a new or renamed entry: Enter commits, Escape cancels, a bad name keeps it open. */
export function InlineNameInput({ initial, selectStem }: InlineNameInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    const dot = initial.lastIndexOf('.');
    element.setSelectionRange(0, selectStem && dot > 0 ? dot : initial.length);
  }, [initial, selectStem]);

  const cancel = (): void => {
    useExplorerStore.getState().setEdit(null);
    useExplorerStore.getState().requestFocus();
  };

  const commit = async (): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    const problem = await commitEdit(value);
    busy.current = false;
    setError(problem);
    if (problem === null) useExplorerStore.getState().requestFocus();
  };

  return (
    <span className="explorer-inline-input-box" onClick={(event) => event.stopPropagation()}>
      <input
        ref={input}
        className={`explorer-inline-input${error ? ' invalid' : ''}`}
        data-testid="explorer-inline-input"
        aria-label="Name"
        aria-invalid={error !== null}
        spellCheck={false}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            cancel();
          }
        }}
        onBlur={() => {
          // Like VS Code: clicking away commits a valid name and drops an invalid or empty one.
          if (busy.current) return;
          if (value.trim() === '' || value === initial) {
            useExplorerStore.getState().setEdit(null);
            return;
          }
          void commitEdit(value).then((problem) => {
            if (problem !== null) useExplorerStore.getState().setEdit(null);
          });
        }}
      />
      {error ? (
        <span className="explorer-inline-error" role="alert" data-testid="explorer-inline-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
