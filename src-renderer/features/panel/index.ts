export { OutputView, useOutputCount } from './OutputPanel';
export { Panel, type PanelViewEntry } from './Panel';
export { usePanelStore, type PanelView } from './store';
