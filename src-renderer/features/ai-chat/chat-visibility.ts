import { saveLayout } from '../../app/layout/layout-persistence';
import { useLayoutStore } from '../../app/layout/layout-store';
import { activeCodeEditor } from '../editor';
import { startAiChat } from './start-ai-chat';
import { focusComposer } from './thread-actions';

function setChatVisible(visible: boolean): void {
  if (useLayoutStore.getState().secondarySideBarVisible === visible) return;
  useLayoutStore.getState().setSecondarySideBarVisible(visible);
  saveLayout();
}

export function toggleSecondarySideBar(): void {
  setChatVisible(!useLayoutStore.getState().secondarySideBarVisible);
}

export function hideChat(): void {
  setChatVisible(false);
}

/** Shows the chat and puts the cursor in its composer. */
export function focusChat(): void {
  setChatVisible(true);
  startAiChat();
  focusComposer();
}

/** Ctrl/Cmd+Alt+I: shows and focuses the chat; pressed again while working in it, hides it. */
export function toggleChatFocus(): void {
  const inChat = Boolean(document.activeElement?.closest('.secondary-side-bar'));
  if (!useLayoutStore.getState().secondarySideBarVisible || !inChat) {
    focusChat();
    return;
  }
  hideChat();
  // The focus goes back to where the work is.
  activeCodeEditor()?.editor.focus();
}
