import { startAiChat } from './start-ai-chat';
import { useChatStore } from './store';

export function showAiDialog(dialog: 'providers' | 'usage'): void {
  startAiChat();
  useChatStore.setState({ dialog, focusModelDownload: false });
}

/** "AI: Download Local Model…": the providers dialog, with the cursor in the model URL field. */
export function showModelDownload(): void {
  startAiChat();
  useChatStore.setState({ dialog: 'providers', focusModelDownload: true });
}

export function closeAiDialog(): void {
  useChatStore.setState({ dialog: null, focusModelDownload: false });
}
