export { ChatView } from './ChatView';
export { AiDialogs } from './AiDialogs';
export { registerAiChatCommands } from './commands';
export { askInNewChat } from './ask-in-chat';
export { askText } from './ask-text';
