import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { activeCodeEditor, loadMonaco } from '../editor';
import { notify } from '../notifications';
import { currentEditSession } from './edit-session';
import { acceptAllKey } from './EditBox';
import { editSelection } from './start-ai-edit';

function codeEditorFocused(): boolean {
  return activeCodeEditor()?.editor.hasWidgetFocus() === true;
}

/** Changes wait for review in the box, and the focus is in it or in its editor. */
function reviewFocused(): boolean {
  const session = currentEditSession();
  return session !== undefined && session.hasPendingChanges() && session.hasFocus();
}

function withPendingChanges(run: (session: NonNullable<ReturnType<typeof currentEditSession>>) => void): () => void {
  return () => {
    const session = currentEditSession();
    if (session?.hasPendingChanges()) run(session);
    else notify({ severity: 'info', message: 'No AI changes are waiting for review.' });
  };
}

export function registerAiEditCommands(): Disposable[] {
  // The editor's context menu offers it too (the menu is Monaco's own).
  void loadMonaco().then((monaco) =>
    monaco.editor.addEditorAction({ id: 'lathe.ai.inlineEdit', label: 'Edit with AI…', contextMenuGroupId: '1_modification', contextMenuOrder: 0.5, run: editSelection }),
  );
  return [
    // Ctrl/Cmd+K also starts chords (Ctrl+K U…): alone, in a code editor, it opens the box once the chord's wait is over.
    registerCommand({ id: 'lathe.ai.inlineEdit', category: 'AI', title: 'Edit with AI…', keybinding: 'mod+k', when: codeEditorFocused, run: editSelection }),
    registerCommand({
      id: 'lathe.ai.inlineEdit.acceptAll',
      category: 'AI',
      title: 'Accept All Changes of the Edit',
      keybinding: acceptAllKey,
      when: reviewFocused,
      run: withPendingChanges((session) => session.acceptAll()),
    }),
    registerCommand({ id: 'lathe.ai.inlineEdit.rejectAll', category: 'AI', title: 'Reject All Changes of the Edit', run: withPendingChanges((session) => session.rejectAll()) }),
  ];
}
