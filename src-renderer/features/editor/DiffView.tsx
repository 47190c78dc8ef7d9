import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { Codicon } from '../../platform/ui/Codicon';
import { editorOptionsFrom } from './editor-options';
import { getModel } from './models';
import { loadMonaco } from './monaco-loader';
import { useEditorStore } from './store';

/** The text on disk (left, read-only) against the buffer (right, editable), in Monaco's diff editor. */
export function DiffView({ path }: { path: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let dispose = (): void => undefined;
    void (async () => {
      const monaco = await loadMonaco();
      let disk: string;
      try {
        disk = (await host().workspace.readFile({ path })).content;
      } catch (error) {
        if (!cancelled) setFailure(`Could not read ${path}: ${errorMessage(error)}`);
        return;
      }
      const modified = getModel(path);
      if (cancelled || !container.current || !modified) return;
      const original = monaco.editor.createModel(disk, modified.getLanguageId());
      const values = useAppStore.getState().settings.values;
      const diffEditor = monaco.editor.createDiffEditor(container.current, {
        fontSize: editorOptionsFrom(values).fontSize,
        automaticLayout: true,
        originalEditable: false,
        readOnly: false,
        renderSideBySide: true,
        fixedOverflowWidgets: true,
      });
      diffEditor.setModel({ original, modified });
      diffEditor.getModifiedEditor().focus();
      dispose = () => {
        // Disposing the diff editor leaves the buffer alone; the disk copy goes with it.
        diffEditor.dispose();
        original.dispose();
      };
    })();
    return () => {
      cancelled = true;
      dispose();
    };
  }, [path]);

  return (
    <div className="diff-view">
      <div className="diff-view-header">
        <span className="diff-view-title">
          {path.split('/').pop()} <span className="diff-view-sides">(on disk ↔ your changes)</span>
        </span>
        <button
          type="button"
          className="icon-button"
          title="Close Compare"
          aria-label="Close Compare"
          data-testid="diff-close"
          onClick={() => useEditorStore.getState().setComparePath(null)}
        >
          <Codicon name="close" />
        </button>
      </div>
      {failure ? <div className="diff-view-failure">{failure}</div> : <div ref={container} className="diff-view-editor" data-testid="diff-editor" />}
    </div>
  );
}
