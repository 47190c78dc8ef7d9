import type { AiLineRegion } from '../../../src-shared/contract';
import { activeCodeEditor, loadMonaco, openFile } from '../editor';
import { notify } from '../notifications';
import { selectedRegion } from './edit-region';
import { currentEditSession, openEditSession } from './edit-session';
import { editorShowing } from './editor-showing';

export interface AiEditRequest {
  path: string;
  instruction: string;
  region?: AiLineRegion;
  context?: string;
  title?: string;
}

/** Opens the file, shows the edit box with the instruction and runs it: the same streamed live diff and per-hunk accept as Ctrl/Cmd+K. */
export async function startAiEdit(request: AiEditRequest): Promise<void> {
  await openFile(request.path);
  const monaco = await loadMonaco();
  const active = await editorShowing(monaco, request.path);
  if (!active) {
    notify({ severity: 'error', message: `Could not show ${request.path} in the editor to edit it.` });
    return;
  }
  const { region, title, context } = request;
  if (region) active.editor.revealLinesInCenterIfOutsideViewport(region.startLine, Math.max(region.startLine, region.endLine));
  const session = openEditSession({ monaco, ...active }, { ...(region ? { region } : {}), ...(title ? { title } : {}), ...(context ? { context } : {}) });
  session.send(request.instruction);
}

/** Ctrl/Cmd+K: the edit box over the selected lines (or at the cursor, to insert); the open box takes the focus again. */
export async function editSelection(): Promise<void> {
  const active = activeCodeEditor();
  const selection = active?.editor.getSelection();
  if (!active || !selection) {
    notify({ severity: 'info', message: 'Open a file in the editor to edit it with AI.' });
    return;
  }
  const open = currentEditSession();
  if (open?.shows(active.editor, active.model)) {
    open.focus();
    return;
  }
  openEditSession({ monaco: await loadMonaco(), ...active }, { region: selectedRegion(selection) });
}
