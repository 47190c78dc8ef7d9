export { ExplorerView } from './ExplorerView';
export { useExplorerStore } from './store';
