import { host } from '../../platform/host';
import type { DiffEditorInput } from './diff-inputs';

/** One input per file, so the diff editor showing it is not rebuilt on every render. */
const inputs = new Map<string, DiffEditorInput>();

/** The text on disk (left) against the buffer (right): how a file that changed on disk is compared. */
export function diskCompareInput(path: string): DiffEditorInput {
  const known = inputs.get(path);
  if (known) return known;
  const input: DiffEditorInput = {
    id: `compare:${path}`,
    path,
    label: 'Compare',
    description: 'on disk ↔ your changes',
    original: async () => (await host().workspace.readFile({ path })).content,
    modified: 'buffer',
  };
  inputs.set(path, input);
  return input;
}
