export { ExplorerView } from './ExplorerView';
export { useExplorerStore } from './store';
export { registerExplorerCommands } from './commands';
