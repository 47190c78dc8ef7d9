import type { AiLineRegion } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { makeParentFolders } from '../../platform/workspace-folders';
import { askText } from '../ai-chat';
import { activeCodeEditor } from '../editor';
import { startAiEdit } from '../ai-edit';
import { notify } from '../notifications';
import { activeTarget, type EditorTarget } from './editor-target';

/** The empty region where new code goes: after the cursor's line when the cursor ends it, else before it. */
function insertionAtCursor({ editor, model }: EditorTarget): AiLineRegion {
  const position = editor.getPosition() ?? { lineNumber: 1, column: 1 };
  const line = model.getLineContent(position.lineNumber);
  const endsLine = line.trim() !== '' && line.slice(position.column - 1).trim() === '';
  const before = endsLine ? position.lineNumber + 1 : position.lineNumber;
  return { startLine: before, endLine: before - 1 };
}

function askInstruction(placeholder: string): Promise<string | undefined> {
  return askText({ placeholder, value: '', describe: (instruction) => `Generate: ${instruction}` });
}

/** Asks what to write and inserts the generated code at the cursor, as an edit to accept. */
export async function generateAtCursor(): Promise<void> {
  const target = activeTarget('generate code at its cursor');
  if (!target) return;
  const instruction = await askInstruction('Describe the code to generate at the cursor');
  if (!instruction) return;
  await startAiEdit({ path: target.path, region: insertionAtCursor(target), instruction: `Write the code to insert here: ${instruction}`, title: `Generate: ${instruction}` });
}

/** Asks for a new file's path and what it should hold, creates it empty and generates its contents. */
export async function generateNewFile(): Promise<void> {
  const activePath = activeCodeEditor()?.path ?? '';
  const path = await askText({
    placeholder: 'Path of the new file, relative to the workspace folder',
    value: activePath.slice(0, activePath.lastIndexOf('/') + 1),
    describe: (name) => `Create ${name}`,
  });
  if (!path) return;
  const instruction = await askInstruction(`Describe what ${path} should contain`);
  if (!instruction) return;
  try {
    await makeParentFolders(path);
    await host().workspace.createFile({ path });
  } catch (error) {
    notify({ severity: 'error', message: `Could not create ${path}: ${errorMessage(error)}` });
    return;
  }
  await startAiEdit({ path, region: { startLine: 1, endLine: 0 }, instruction: `Write the contents of this new file: ${instruction}`, title: `Generate ${path}` });
}
