import { registerAiActionCommands, startAiActions } from '../features/ai-actions';
import { registerAiChatCommands } from '../features/ai-chat';
import { registerAiEditCommands } from '../features/ai-edit';
import { guardUnsavedChangesOnUnload, loadMonaco, persistOpenEditors, registerEditorCommands, restoreOpenEditors } from '../features/editor';
import { registerExplorerCommands } from '../features/explorer';
import { registerLanguageCommands, startLanguageFeatures } from '../features/language';
import { registerPipelineCommands } from '../features/pipelines';
import { registerPluginCommands, startPlugins } from '../features/plugins';
import { registerQuickOpen } from '../features/quick-open';
import { registerScmCommands, startScm } from '../features/scm';
import { registerSearchCommands } from '../features/search';
import { registerSettingsCommands } from '../features/settings';
import { followTerminals, registerTerminalCommands } from '../features/terminal';
import { provideHost } from '../platform/host';
import { connectToHost } from '../platform/rpc';
import { installKeybindingListener } from './commands';
import { followHost } from './host-events';
import { restoreLayout } from './layout/layout-persistence';
import { useAppStore } from './store';
import { syncThemeWithSettings } from './theme-sync';
import { registerWorkbenchCommands } from './workbench-commands';

/** Connects to the host, loads the first state, registers commands and keys, then lets the workbench show. */
export async function startWorkbench(): Promise<void> {
  const { setConnection } = useAppStore.getState();
  window.addEventListener('lathe:disconnected', () => {
    setConnection(useAppStore.getState().connection === 'connecting' ? 'failed' : 'disconnected');
  });
  syncThemeWithSettings();
  registerWorkbenchCommands();
  registerSettingsCommands();
  registerEditorCommands();
  registerExplorerCommands();
  registerQuickOpen();
  registerSearchCommands();
  registerTerminalCommands();
  registerScmCommands();
  registerAiChatCommands();
  registerAiEditCommands();
  registerAiActionCommands();
  registerLanguageCommands();
  registerPipelineCommands();
  registerPluginCommands();
  // Fetch and compile the editor while the connection and the first host calls are in flight,
  // so opening the first file does not wait for megabytes of Monaco.
  void loadMonaco();

  try {
    const api = await connectToHost();
    provideHost(api);
    await Promise.all([followHost(api), restoreLayout()]);
  } catch (error) {
    console.error('Could not connect to the Lathe host', error);
    setConnection('failed');
    return;
  }
  if (useAppStore.getState().connection !== 'connecting') return;
  installKeybindingListener();
  if (!window.lathe) guardUnsavedChangesOnUnload();
  setConnection('connected');
  void followTerminals();
  const languageFeatures = startLanguageFeatures().catch((error: unknown) => console.warn('Language features did not start', error));
  startAiActions().catch((error: unknown) => console.warn('AI actions did not start', error));
  startPlugins().catch((error: unknown) => console.warn('Plugins did not start', error));
  if (useAppStore.getState().info?.workspace) {
    startScm();
    await languageFeatures;
    await restoreOpenEditors();
    persistOpenEditors();
  }
}
