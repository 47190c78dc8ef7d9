import { sendMessage } from './chat-request';
import { addChips, attachmentsFor, type ContextChip } from './context-chips';
import { activeEditorChip } from './context-sources';
import { useChatStore } from './store';
import { focusComposer } from './thread-actions';

/** Sends the draft with its chips (and the active editor's file or selection, unless the user left it out). */
export function submitDraft(): void {
  const { draft, chips, includeActiveEditor, busy } = useChatStore.getState();
  const text = draft.trim();
  if (text === '' || busy) return;
  const editor = includeActiveEditor ? activeEditorChip() : null;
  const attachments = attachmentsFor(editor ? [editor, ...chips] : chips);
  useChatStore.setState({ draft: '', chips: [] });
  sendMessage(text, attachments);
}

export function attachChips(chips: readonly ContextChip[]): void {
  if (chips.length === 0) return;
  useChatStore.setState((state) => ({ chips: addChips(state.chips, chips), view: 'conversation' }));
  focusComposer();
}

export function removeChip(chip: ContextChip): void {
  useChatStore.setState((state) => ({ chips: state.chips.filter((other) => other !== chip) }));
}
