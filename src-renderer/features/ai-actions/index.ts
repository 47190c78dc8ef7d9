export { registerAiActionCommands } from './commands';
export { startAiActions } from './start';
export { ReviewStatusItem } from './ReviewStatusItem';
