export { startLanguageFeatures } from './start';
export { registerLanguageCommands } from './commands';
export { ProblemsActions, ProblemsView } from './problems/ProblemsView';
export { ProblemsStatusItem, useProblemCounts } from './problems/ProblemsStatusItem';
export { clearProblems, problemsOf, replaceProblems, setProblems, useProblemsStore, type Problem } from './problems/problems-store';
export { registerProblemAction, type ProblemAction } from './problems/problem-actions';
export { LanguageStatusItem } from './lsp/LanguageStatusItem';
export { TestsView } from './cargo/TestsView';
export { OutlineView } from './lsp/OutlineView';
