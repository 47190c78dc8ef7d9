export { PipelinesView } from './PipelinesView';
export { RunActions, RunView } from './RunView';
export { registerPipelineCommands } from './commands';
