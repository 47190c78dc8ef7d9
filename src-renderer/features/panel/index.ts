export { OutputActions, OutputView, useOutputCount } from './OutputPanel';
export { appendOutput, clearOutput, selectOutputChannel } from './output-channels';
export { Panel, type PanelViewEntry } from './Panel';
export { usePanelStore, type PanelView } from './store';
