export { ScmView } from './ScmView';
export { ScmStatusBarItems } from './ScmStatusBarItems';
export { ScmActivityBadge } from './ScmActivityBadge';
export { registerScmCommands } from './commands';
export { startScm } from './start-scm';
export { useGitDecoration } from './use-git-decoration';
export type { GitDecoration } from './decorations';
