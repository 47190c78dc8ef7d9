export { TerminalView, TerminalActions } from './TerminalView';
export { registerTerminalCommands, showTerminalView } from './commands';
export { followTerminals, createTerminal, sendText, activeTerminalInstance } from './terminals';
export { quoteForShell } from './run-commands';
export { useTerminalStore } from './store';
