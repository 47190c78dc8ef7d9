import { useEffect, useRef, useState } from 'react';
import type { editor, IDisposable } from 'monaco-editor';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { Codicon } from '../../platform/ui/Codicon';
import { loadFile } from './actions';
import { registerShownDiff, type DiffEditorInput } from './diff-inputs';
import { editorOptionsFrom } from './editor-options';
import { languageForPath } from './language';
import { getModel } from './models';
import { loadMonaco } from './monaco-loader';

interface DiffViewProps {
  input: DiffEditorInput;
  /** The group showing it, so commands can find the diff editor of the active group. */
  groupId?: number;
  /** Shows a close button in the header (the compare overlay has no tab to close). */
  onClose?(): void;
}

/** Monaco's diff editor over two versions of a file; the right side is the open buffer when the input says so. */
export function DiffView({ input, groupId, onClose }: DiffViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const disposables: IDisposable[] = [];
    void (async () => {
      const monaco = await loadMonaco();
      const { path } = input;
      // Reads the right side, unless it is the buffer.
      const readModified = input.modified === 'buffer' ? null : input.modified;
      if (!readModified && !(await loadFile(path))) return;
      let sides: [string | null, string | null];
      try {
        sides = await Promise.all([input.original(), readModified ? readModified() : null]);
      } catch (error) {
        if (!cancelled) setFailure(`Could not read ${path}: ${errorMessage(error)}`);
        return;
      }
      const buffer = readModified ? undefined : getModel(path);
      if (cancelled || !container.current || (!readModified && !buffer)) return;
      const languageId = buffer?.getLanguageId() ?? languageForPath(monaco, path).id;
      const original = monaco.editor.createModel(sides[0] ?? '', languageId);
      disposables.push(original);
      let modified = buffer;
      if (!modified) {
        modified = monaco.editor.createModel(sides[1] ?? '', languageId);
        disposables.push(modified);
      }
      const diffEditor = monaco.editor.createDiffEditor(container.current, {
        fontSize: editorOptionsFrom(useAppStore.getState().settings.values).fontSize,
        automaticLayout: true,
        originalEditable: false,
        readOnly: !buffer,
        renderSideBySide: true,
        fixedOverflowWidgets: true,
      });
      // The diff editor goes first: disposing it leaves the buffer alone, then the side models go.
      disposables.unshift(diffEditor);
      diffEditor.setModel({ original, modified });
      // Closing the file's last tab disposes its buffer, maybe before this view goes away: let go first.
      if (buffer) disposables.unshift(buffer.onWillDispose(() => diffEditor.setModel(null)));
      const readOnlyModified = buffer ? null : modified;
      const reload = async (): Promise<void> => {
        const [left, right] = await Promise.all([input.original(), readModified ? readModified() : null]);
        if (cancelled) return;
        replaceText(original, left ?? '');
        if (readOnlyModified) replaceText(readOnlyModified, right ?? '');
      };
      if (input.attach) disposables.unshift(input.attach({ monaco, diffEditor, reload }));
      if (groupId !== undefined) disposables.unshift({ dispose: registerShownDiff(groupId, input, diffEditor) });
      const modifiedEditor = diffEditor.getModifiedEditor();
      if (input.revealLine !== undefined) {
        modifiedEditor.setPosition({ lineNumber: input.revealLine, column: 1 });
        modifiedEditor.revealLineInCenter(input.revealLine);
      }
      modifiedEditor.focus();
    })();
    return () => {
      cancelled = true;
      for (const disposable of disposables) disposable.dispose();
    };
  }, [input, groupId]);

  return (
    <div className="diff-view" data-testid="diff-view" data-diff-id={input.id}>
      <div className="diff-view-header">
        <span className="diff-view-title">
          <Codicon name="git-compare" className="diff-view-icon" />
          <span className="diff-view-sides">{input.description}</span>
        </span>
        <span className="diff-view-actions">
          {input.actions?.map((action) => (
            <button
              key={action.id}
              type="button"
              className="icon-button"
              title={action.title}
              aria-label={action.title}
              data-testid={`diff-action-${action.id}`}
              onClick={() => void action.run()}
            >
              <Codicon name={action.icon} />
            </button>
          ))}
          {onClose ? (
            <button type="button" className="icon-button" title="Close Compare" aria-label="Close Compare" data-testid="diff-close" onClick={onClose}>
              <Codicon name="close" />
            </button>
          ) : null}
        </span>
      </div>
      {failure ? <div className="diff-view-failure">{failure}</div> : <div ref={container} className="diff-view-editor" data-testid="diff-editor" />}
    </div>
  );
}

/** Sets a read-only side's text without a flicker when nothing changed. */
function replaceText(model: editor.ITextModel, text: string): void {
  if (model.getValue() !== text) model.setValue(text);
}
