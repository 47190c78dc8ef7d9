import type { Disposable } from '../../../../src-shared/contract';
import { currentSetting } from '../../../app/store';
import { host } from '../../../platform/host';
import { registerSaveParticipant } from '../../editor';
import { editModel } from '../workspace-edit';
import { serverForLanguage, useServerStatus } from './server-status';

/** With `editor.formatOnSave`, a file its server can format is formatted (one undo step) before it is written. */
export function formatOnSave(): Disposable {
  return registerSaveParticipant(async (path, model) => {
    if (!currentSetting('editor.formatOnSave')) return;
    if (!serverForLanguage(useServerStatus.getState().servers, model.getLanguageId())?.features.formatting) return;
    const versionId = model.getVersionId();
    const { tabSize, insertSpaces } = model.getOptions();
    const edits = await host().language.format({ path, options: { tabSize, insertSpaces } });
    // Typing during the round trip wins: the edits were computed for older text.
    if (model.getVersionId() === versionId) editModel(model, edits);
  });
}
