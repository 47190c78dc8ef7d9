import { sendMessage } from './chat-request';
import { focusChat } from './chat-visibility';
import { newChat } from './thread-actions';

/** Opens the chat on a new thread and asks `text` there (other features' "explain this" actions). */
export function askInNewChat(text: string): void {
  newChat();
  focusChat();
  sendMessage(text, []);
}
