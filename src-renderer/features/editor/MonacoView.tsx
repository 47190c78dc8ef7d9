import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor';
import { useAppStore } from '../../app/store';
import { editorOptionsFrom, monacoTheme } from './editor-options';
import { applyModelOptions, getModel, saveViewState, viewStateOf } from './models';
import { loadMonaco, type Monaco } from './monaco-loader';
import { useEditorStore } from './store';

interface Loaded {
  monaco: Monaco;
  editor: editor.IStandaloneCodeEditor;
}

/** The single Monaco editor; tabs swap models in and out of it, keeping each file's view state. */
export function MonacoView({ hidden }: { hidden: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const activePath = useEditorStore((state) => state.activePath);
  const settings = useAppStore((state) => state.settings.values);

  useEffect(() => {
    let created: editor.IStandaloneCodeEditor | undefined;
    let cancelled = false;
    void loadMonaco().then((monaco) => {
      if (cancelled || !container.current) return;
      const values = useAppStore.getState().settings.values;
      created = monaco.editor.create(container.current, {
        ...editorOptionsFrom(values),
        model: null,
        theme: monacoTheme(values['workbench.colorTheme']),
        automaticLayout: true,
        detectIndentation: false,
        fixedOverflowWidgets: true,
        scrollBeyondLastLine: true,
      });
      const editorInstance = created;
      editorInstance.onDidChangeCursorPosition(({ position }) =>
        useEditorStore.getState().setCursor({ line: position.lineNumber, column: position.column }),
      );
      setLoaded({ monaco, editor: editorInstance });
    });
    return () => {
      cancelled = true;
      created?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!loaded) return;
    loaded.editor.updateOptions(editorOptionsFrom(settings));
    applyModelOptions(settings);
    loaded.monaco.editor.setTheme(monacoTheme(settings['workbench.colorTheme']));
  }, [loaded, settings]);

  useEffect(() => {
    if (!loaded) return;
    const { editor: instance } = loaded;
    const model = activePath ? (getModel(activePath) ?? null) : null;
    instance.setModel(model);
    if (!activePath || !model) {
      useEditorStore.getState().setCursor(null);
      return;
    }
    const viewState = viewStateOf(activePath);
    if (viewState) instance.restoreViewState(viewState);
    const position = instance.getPosition();
    useEditorStore.getState().setCursor(position ? { line: position.lineNumber, column: position.column } : null);
    // A file opened in the background (restored at startup) must not pull the focus out of a
    // palette, quick open or search box the user is typing in.
    const active = document.activeElement;
    const typingElsewhere = active instanceof HTMLElement && active.matches('input, textarea, select') && !container.current?.contains(active);
    if (!typingElsewhere) instance.focus();
    return () => saveViewState(activePath, instance.saveViewState());
  }, [loaded, activePath]);

  return <div ref={container} className="monaco-host" data-testid="editor" hidden={hidden} />;
}
