import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor';
import { useAppStore } from '../../app/store';
import { autoSaveOnFocusChange, refreshTabDetails } from './actions';
import { registerGroupEditor, revealPosition, takePendingReveal } from './editor-instances';
import { editorOptionsFrom, largeFileOptions, monacoTheme } from './editor-options';
import { applyModelOptions, getModel, saveViewState, viewStateOf } from './models';
import { loadMonaco, type Monaco } from './monaco-loader';
import { isActiveGroup, textPathOf, useEditorStore } from './store';

interface Loaded {
  monaco: Monaco;
  editor: editor.IStandaloneCodeEditor;
}

interface MonacoViewProps {
  groupId: number;
  /** The file the group shows in its editor; null when its front tab is not a text editor. */
  path: string | null;
  /** The group has the focus: its cursor and selection are the ones the status bar shows. */
  active: boolean;
  hidden: boolean;
}

function reportCursor(instance: editor.ICodeEditor): void {
  const position = instance.getPosition();
  const model = instance.getModel();
  const store = useEditorStore.getState();
  store.setCursor(model && position ? { line: position.lineNumber, column: position.column } : null);
  const selections = instance.getSelections() ?? [];
  store.setSelectedChars(model ? selections.reduce((sum, selection) => sum + model.getValueLengthInRange(selection), 0) : 0);
}

/** One group's Monaco editor; the group's files swap in and out of it as models. */
export function MonacoView({ groupId, path, active, hidden }: MonacoViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const largeFile = useEditorStore((state) => (path ? state.files.find((file) => file.path === path)?.largeFile === true : false));
  const settings = useAppStore((state) => state.settings.values);

  useEffect(() => {
    let disposed = false;
    let instance: editor.IStandaloneCodeEditor | null = null;
    let unregister = (): void => undefined;
    void loadMonaco().then((monaco) => {
      if (disposed || !container.current) return;
      const values = useAppStore.getState().settings.values;
      const editorInstance = monaco.editor.create(container.current, {
        model: null,
        automaticLayout: true,
        theme: monacoTheme(values['workbench.colorTheme']),
        ...editorOptionsFrom(values),
      });
      instance = editorInstance;
      unregister = registerGroupEditor(groupId, editorInstance);
      const report = (): void => {
        if (isActiveGroup(groupId)) reportCursor(editorInstance);
      };
      editorInstance.onDidChangeCursorSelection(report);
      editorInstance.onDidFocusEditorText(() => useEditorStore.getState().focusGroup(groupId));
      // Auto save on focus change: leaving the editor text saves the file it showed.
      editorInstance.onDidBlurEditorText(() => autoSaveOnFocusChange(textPathOf(groupId)));
      setLoaded({ monaco, editor: editorInstance });
    });
    return () => {
      disposed = true;
      unregister();
      instance?.dispose();
    };
  }, [groupId]);

  useEffect(() => {
    if (!loaded) return;
    const options = editorOptionsFrom(settings);
    loaded.editor.updateOptions(largeFile ? { ...options, ...largeFileOptions } : { ...options, folding: true, largeFileOptimizations: true });
    applyModelOptions(settings);
    refreshTabDetails();
    loaded.monaco.editor.setTheme(monacoTheme(settings['workbench.colorTheme']));
  }, [loaded, settings, largeFile]);

  useEffect(() => {
    if (!loaded) return;
    const { editor: instance } = loaded;
    const model = path ? (getModel(path) ?? null) : null;
    instance.setModel(model);
    if (!path || !model) {
      if (isActiveGroup(groupId)) useEditorStore.getState().setCursor(null);
      return;
    }
    const viewState = viewStateOf(groupId, path);
    if (viewState) instance.restoreViewState(viewState);
    const reveal = takePendingReveal(groupId, path);
    if (reveal) revealPosition(instance, reveal);
    if (isActiveGroup(groupId)) {
      reportCursor(instance);
      // A file opened in the background (restored at startup) must not pull the focus out of a
      // palette, quick open or search box the user is typing in.
      const focused = document.activeElement;
      const typingElsewhere = focused instanceof HTMLElement && focused.matches('input, textarea, select') && !container.current?.contains(focused);
      if (!typingElsewhere) instance.focus();
    }
    return () => {
      saveViewState(groupId, path, instance.saveViewState());
      autoSaveOnFocusChange(path);
    };
  }, [loaded, path, groupId]);

  // The group that gains the focus shows its cursor in the status bar.
  useEffect(() => {
    if (loaded && active) reportCursor(loaded.editor);
  }, [loaded, active]);

  return <div ref={container} className="monaco-host" data-testid="editor" hidden={hidden} />;
}
