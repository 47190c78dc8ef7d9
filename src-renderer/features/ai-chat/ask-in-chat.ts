import type { AiAttachment } from '../../../src-shared/contract';
import { sendMessage } from './chat-request';
import { focusChat } from './chat-visibility';
import { newChat } from './thread-actions';

/** Opens the chat on a new thread and asks `text` there, with what it is about attached (other features' "explain this" actions). */
export function askInNewChat(text: string, attachments: AiAttachment[] = []): void {
  newChat();
  focusChat();
  sendMessage(text, attachments);
}
