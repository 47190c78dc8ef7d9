import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { regenerate, stopResponse } from './chat-request';
import { focusChat, toggleChatFocus, toggleSecondarySideBar } from './chat-visibility';
import { attachChips } from './composer-actions';
import type { ContextChip } from './context-chips';
import { activeEditorChip, openEditorChips, pickContext, pickFile, pickFolder, problemsChip, terminalChip } from './context-sources';
import { showAiDialog, showModelDownload } from './dialogs';
import { pickModelFromList } from './model-quick-pick';
import { clearResponseCache } from './response-cache';
import { useChatStore } from './store';
import { deleteActiveThread, newChat, renameActiveThread } from './thread-actions';

/** Shows the chat with the chips a source gives, or says why there is nothing to attach. */
async function attachFrom(source: () => ContextChip[] | ContextChip | null | Promise<ContextChip[]>, nothing: string): Promise<void> {
  const found = await source();
  const chips = Array.isArray(found) ? found : found ? [found] : [];
  if (chips.length === 0) {
    if (nothing) notify({ severity: 'info', message: nothing });
    return;
  }
  focusChat();
  attachChips(chips);
}

export function registerAiChatCommands(): Disposable[] {
  return [
    registerCommand({ id: 'workbench.action.chat.open', category: 'Chat', title: 'Focus Chat', keybinding: 'mod+alt+i', run: toggleChatFocus }),
    registerCommand({ id: 'workbench.action.toggleAuxiliaryBar', category: 'View', title: 'Toggle Secondary Side Bar', keybinding: 'mod+alt+b', run: toggleSecondarySideBar }),
    registerCommand({
      id: 'workbench.action.chat.newChat',
      category: 'Chat',
      title: 'New Chat',
      run: () => {
        focusChat();
        newChat();
      },
    }),
    registerCommand({
      id: 'workbench.action.chat.history',
      category: 'Chat',
      title: 'Show Chat History',
      run: () => {
        focusChat();
        useChatStore.setState({ view: 'history' });
      },
    }),
    registerCommand({ id: 'workbench.action.chat.rename', category: 'Chat', title: 'Rename Chat…', run: renameActiveThread }),
    registerCommand({ id: 'workbench.action.chat.delete', category: 'Chat', title: 'Delete Chat', run: deleteActiveThread }),
    registerCommand({ id: 'workbench.action.chat.selectModel', category: 'Chat', title: 'Select Model…', run: pickModelFromList }),
    registerCommand({ id: 'workbench.action.chat.stop', category: 'Chat', title: 'Stop Response', run: stopResponse }),
    registerCommand({
      id: 'workbench.action.chat.regenerate',
      category: 'Chat',
      title: 'Regenerate Response',
      run: () => {
        if (useChatStore.getState().activeThreadId) regenerate();
        else notify({ severity: 'info', message: 'Open a chat with a question in it to answer it again.' });
      },
    }),
    registerCommand({ id: 'workbench.action.chat.attachContext', category: 'Chat', title: 'Attach Context…', run: () => attachFrom(pickContext, '') }),
    registerCommand({ id: 'workbench.action.chat.attachFile', category: 'Chat', title: 'Add File to Chat…', run: () => attachFrom(pickFile, '') }),
    registerCommand({ id: 'workbench.action.chat.attachFolder', category: 'Chat', title: 'Add Folder to Chat…', run: () => attachFrom(pickFolder, '') }),
    registerCommand({
      id: 'workbench.action.chat.attachSelection',
      category: 'Chat',
      title: 'Add Selection to Chat',
      run: () => attachFrom(activeEditorChip, 'Open a file in the editor to add its selection to the chat.'),
    }),
    registerCommand({
      id: 'workbench.action.chat.attachOpenEditors',
      category: 'Chat',
      title: 'Add Open Editors to Chat',
      run: () => attachFrom(openEditorChips, 'No files are open.'),
    }),
    registerCommand({
      id: 'workbench.action.chat.attachTerminal',
      category: 'Chat',
      title: 'Add Terminal Output to Chat',
      run: () => attachFrom(terminalChip, 'No terminal has output to add.'),
    }),
    registerCommand({
      id: 'workbench.action.chat.attachProblems',
      category: 'Chat',
      title: 'Add Problems to Chat',
      run: () => attachFrom(problemsChip, 'There are no problems to add.'),
    }),
    registerCommand({ id: 'lathe.ai.manageProviders', category: 'AI', title: 'Manage Providers', run: () => showAiDialog('providers') }),
    registerCommand({ id: 'lathe.ai.showUsage', category: 'AI', title: 'Show Usage', run: () => showAiDialog('usage') }),
    registerCommand({
      id: 'lathe.ai.checkHealth',
      category: 'AI',
      title: 'Check Provider Health',
      run: async () => {
        const statuses = await host().ai.checkHealth({});
        const failing = statuses.filter((status) => status.health.state === 'error');
        notify({
          severity: failing.length > 0 ? 'warning' : 'info',
          message:
            statuses.length === 0
              ? 'No AI provider is set up.'
              : failing.length === 0
                ? `All ${String(statuses.length)} configured AI providers answered.`
                : failing.map((status) => `${status.label}: ${status.health.message ?? 'failed'}`).join('; '),
          actions: [{ label: 'Manage Providers', run: () => showAiDialog('providers') }],
        });
      },
    }),
    registerCommand({
      id: 'lathe.ai.unloadLocalModel',
      category: 'AI',
      title: 'Unload Local Model',
      run: async () => {
        await host().ai.unloadLocalModel();
        notify({ severity: 'info', message: 'The local model was unloaded; it loads again on the next request.' });
      },
    }),
    registerCommand({ id: 'lathe.ai.downloadModel', category: 'AI', title: 'Download Local Model…', run: showModelDownload }),
    registerCommand({ id: 'lathe.ai.clearCache', category: 'AI', title: 'Clear Response Cache', run: clearResponseCache }),
  ];
}
