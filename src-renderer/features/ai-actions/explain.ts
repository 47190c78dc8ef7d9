import type { AiLineRegion } from '../../../src-shared/contract';
import { askInNewChat } from '../ai-chat';
import { activeTarget, linesText, placeLabel, selectedLines } from './editor-target';

/** Asks a new chat thread to explain some lines (the selection by default) or else the whole file, with the code as the editor holds it attached. */
export function explainCode(lines?: AiLineRegion): void {
  const target = activeTarget('explain its code');
  if (!target) return;
  const { editor, model, path } = target;
  const region = lines ?? selectedLines(editor.getSelection());
  const label = region ? placeLabel(path, region) : path;
  const what = region ? `the code from \`${label}\`` : `the file \`${path}\``;
  askInNewChat(`Explain ${what}: what it does, how it works, and anything subtle or risky in it.`, [
    { kind: 'text', label, text: region ? linesText(model, region) : model.getValue() },
  ]);
}
