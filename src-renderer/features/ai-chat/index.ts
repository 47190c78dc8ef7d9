export { ChatView } from './ChatView';
export { AiDialogs } from './AiDialogs';
export { registerAiChatCommands } from './commands';
