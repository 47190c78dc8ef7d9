export { registerQuickOpen, showQuickOpen } from './commands';
export { openFromQuickOpen } from './QuickOpen';
export { parseQuickOpenQuery, QuickOpenMatcher, type QuickOpenItem, type QuickOpenQuery } from './items';
export { useQuickOpenStore } from './store';
