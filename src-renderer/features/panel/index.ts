export { OutputPanel } from './OutputPanel';
export { usePanelStore } from './store';
