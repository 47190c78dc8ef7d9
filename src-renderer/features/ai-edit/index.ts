export { startAiEdit, type AiEditRequest } from './start-ai-edit';
export { registerAiEditCommands } from './commands';
