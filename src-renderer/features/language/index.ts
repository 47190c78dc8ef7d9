export { startLanguageFeatures } from './start';
export { registerLanguageCommands } from './commands';
export { ProblemsActions, ProblemsView } from './problems/ProblemsView';
export { ProblemsStatusItem, useProblemCounts } from './problems/ProblemsStatusItem';
export { clearProblems, replaceProblems, setProblems, useProblemsStore } from './problems/problems-store';
export { LanguageStatusItem } from './lsp/LanguageStatusItem';
export { TestsView } from './cargo/TestsView';
export { OutlineView } from './lsp/OutlineView';
