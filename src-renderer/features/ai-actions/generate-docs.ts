import { startAiEdit } from '../ai-edit';
import { cursorCode, type CursorCode } from './cursor-code';
import { docStyle } from './doc-styles';
import { activeTarget, placeLabel } from './editor-target';
import { declarationAt } from './symbols';

const docsOnly = 'Add documentation only: keep every line of code exactly as it is, and keep the existing comments unless they are wrong.';

/** Documents some code (by default the selection, or the declaration at the cursor, or the cursor's line) in the language's idiom. */
export async function generateDocs(code?: CursorCode): Promise<void> {
  const target = activeTarget('document its code');
  if (!target) return;
  const { region, name } = code ?? (await cursorCode(target, declarationAt));
  const subject = name ? `\`${name}\`` : 'this code';
  await startAiEdit({
    path: target.path,
    region,
    instruction: `Write documentation for ${subject} as ${docStyle(target.model.getLanguageId())}. ${docsOnly}`,
    title: `Document ${name ?? placeLabel(target.path, region)}`,
  });
}

/** Documents the items of the whole file that have no documentation yet. */
export async function generateFileDocs(): Promise<void> {
  const target = activeTarget('document its code');
  if (!target) return;
  await startAiEdit({
    path: target.path,
    instruction: `Document the items of this file that have no documentation yet (public ones first, and the module itself) as ${docStyle(target.model.getLanguageId())}. ${docsOnly}`,
    title: `Document ${target.path}`,
  });
}
