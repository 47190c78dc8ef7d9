import type { editor } from 'monaco-editor';
import { toLatheErrorData } from '../../../../../src-shared/contract';
import { pathOfModel } from '../../../editor';

/**
 * Asks the host about a model's file; undefined when the file has no path or the server could not
 * answer (the editor then shows nothing, as VS Code does; the server's log says why).
 */
export async function askHost<T>(model: editor.ITextModel, ask: (path: string) => Promise<T>): Promise<T | undefined> {
  const path = pathOfModel(model);
  if (!path) return undefined;
  try {
    return await ask(path);
  } catch (error) {
    const { code, message } = toLatheErrorData(error);
    if (code !== 'CANCELLED' && code !== 'NOT_FOUND') console.warn(`Language server request failed: ${message}`);
    return undefined;
  }
}
