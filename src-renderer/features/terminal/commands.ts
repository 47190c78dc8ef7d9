import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { currentSetting, useAppStore } from '../../app/store';
import { loadMonaco, useEditorStore } from '../editor';
import { notify } from '../notifications';
import { usePanelStore } from '../panel';
import { updateUserSetting } from '../settings';
import { runFileCommand } from './run-commands';
import { useTerminalStore } from './store';
import { activeTerminalInstance, createTerminal, killTerminal, restartTerminal, sendText, type NewTerminalOptions } from './terminals';

/** Shows the panel on its Terminal view. */
export async function showTerminalView(): Promise<void> {
  usePanelStore.getState().showView('terminal');
  if (!currentSetting('workbench.panel.visible')) await updateUserSetting('workbench.panel.visible', true);
}

async function newTerminal(options: NewTerminalOptions = {}): Promise<void> {
  await showTerminalView();
  const instance = await createTerminal(options);
  requestAnimationFrame(() => instance?.focus());
}

/** The active terminal, or a new one when there is none. */
async function ensureTerminal() {
  await showTerminalView();
  return activeTerminalInstance() ?? (await createTerminal());
}

async function toggleTerminal(): Promise<void> {
  const focused = document.activeElement?.closest('.terminal-view');
  if (focused && currentSetting('workbench.panel.visible') && usePanelStore.getState().activeView === 'terminal') {
    await updateUserSetting('workbench.panel.visible', false);
    return;
  }
  const instance = await ensureTerminal();
  requestAnimationFrame(() => instance?.focus());
}

/** The text selected in the active editor, or its cursor's line when nothing is selected. */
async function editorSelectionText(): Promise<string | undefined> {
  const monaco = await loadMonaco();
  const editors = monaco.editor.getEditors();
  const activePath = useEditorStore.getState().activePath;
  const editor =
    editors.find((candidate) => candidate.hasTextFocus()) ??
    editors.find((candidate) => activePath && candidate.getModel()?.uri.path.endsWith(`/${activePath}`)) ??
    editors[0];
  const model = editor?.getModel();
  const selection = editor?.getSelection();
  if (!editor || !model || !selection) return undefined;
  return selection.isEmpty() ? model.getLineContent(selection.positionLineNumber) : model.getValueInRange(selection);
}

export function registerTerminalCommands(): Disposable[] {
  return [
    registerCommand({
      id: 'workbench.action.terminal.toggleTerminal',
      category: 'View',
      title: 'Toggle Terminal',
      keybinding: 'ctrl+`',
      run: toggleTerminal,
    }),
    registerCommand({
      id: 'workbench.action.terminal.new',
      category: 'Terminal',
      title: 'Create New Terminal',
      keybinding: ['ctrl+shift+`', 'ctrl+shift+~'],
      run: () => newTerminal(),
    }),
    registerCommand({
      id: 'workbench.action.terminal.split',
      category: 'Terminal',
      title: 'Split Terminal',
      keybinding: 'ctrl+shift+5',
      run: async () => {
        const active = useTerminalStore.getState().activeTerminalId;
        await newTerminal(active ? { splitFrom: active } : {});
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.kill',
      category: 'Terminal',
      title: 'Kill the Active Terminal Instance',
      run: async () => {
        const id = useTerminalStore.getState().activeTerminalId;
        if (id) await killTerminal(id);
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.relaunch',
      category: 'Terminal',
      title: 'Restart Active Terminal',
      run: async () => {
        const id = useTerminalStore.getState().activeTerminalId;
        if (id) await restartTerminal(id);
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.rename',
      category: 'Terminal',
      title: 'Rename…',
      run: async () => {
        await showTerminalView();
        useTerminalStore.getState().setRenaming(useTerminalStore.getState().activeTerminalId);
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.clear',
      category: 'Terminal',
      title: 'Clear',
      run: () => activeTerminalInstance()?.clear(),
    }),
    registerCommand({
      id: 'workbench.action.terminal.focus',
      category: 'Terminal',
      title: 'Focus Terminal',
      run: async () => {
        const instance = await ensureTerminal();
        requestAnimationFrame(() => instance?.focus());
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.runSelectedText',
      category: 'Terminal',
      title: 'Run Selected Text In Active Terminal',
      run: async () => {
        const text = await editorSelectionText();
        if (!text?.trim()) {
          notify({ severity: 'info', message: 'Select some text in the editor to run it in the terminal.' });
          return;
        }
        const instance = await ensureTerminal();
        if (!instance) return;
        instance.paste(text.replace(/\r?\n$/, ''));
        await sendText(instance.id, '\r');
        instance.focus();
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.runActiveFile',
      category: 'Terminal',
      title: 'Run Active File In Active Terminal',
      run: async () => {
        const path = useEditorStore.getState().activePath;
        const info = useAppStore.getState().info;
        const root = info?.workspace?.root;
        if (!path || !root) {
          notify({ severity: 'info', message: 'Open a file of the workspace to run it in the terminal.' });
          return;
        }
        const instance = await ensureTerminal();
        if (!instance) return;
        const separator = info.platform === 'win32' ? '\\' : '/';
        const absolute = `${root.replace(/[\\/]+$/, '')}${separator}${path.split('/').join(separator)}`;
        await sendText(instance.id, `${runFileCommand(path, absolute, info.platform)}\r`);
        instance.focus();
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.focusFind',
      category: 'Terminal',
      title: 'Focus Find',
      run: async () => {
        if (!(await ensureTerminal())) return;
        useTerminalStore.getState().setFindOpen(true);
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.copySelection',
      category: 'Terminal',
      title: 'Copy Selection',
      run: async () => {
        const text = activeTerminalInstance()?.selection();
        if (text) await navigator.clipboard.writeText(text);
      },
    }),
    registerCommand({
      id: 'workbench.action.terminal.paste',
      category: 'Terminal',
      title: 'Paste into Active Terminal',
      run: async () => {
        const instance = activeTerminalInstance();
        if (instance) instance.paste(await navigator.clipboard.readText());
      },
    }),
  ];
}
