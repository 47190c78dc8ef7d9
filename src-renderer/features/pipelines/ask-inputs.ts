import type { PipelineSummary } from '../../../src-shared/contract';
import { showEditorPicker } from '../editor';

type PipelineInput = PipelineSummary['inputs'][number];
type InputValue = string | number | boolean;

/** Asks for one input in the picker: a choice among its options, or a line of text; undefined when cancelled. */
function askInput(input: PipelineInput): Promise<InputValue | undefined> {
  const title = `${input.name}${input.description ? ` — ${input.description}` : ''}`;
  const fallback = input.default === undefined ? '' : String(input.default);
  const options = input.type === 'boolean' ? ['true', 'false'] : input.type === 'choice' ? (input.options ?? []) : null;
  return new Promise((resolve) => {
    let typed = fallback;
    showEditorPicker({
      placeholder: title,
      value: options ? '' : fallback,
      ...(options ? { activeId: fallback } : {}),
      items: options
        ? options.map((option) => ({ id: option, label: option }))
        : (query: string) => {
            typed = query;
            return [{ id: 'accept', label: `Run with ${input.name} = "${query}" (press Enter to confirm or Escape to cancel)` }];
          },
      onPick: (item) => {
        const text = options ? item.id : typed;
        if (input.type === 'boolean') resolve(text === 'true');
        else if (input.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) resolve(Number(text));
        else resolve(text);
      },
      onCancel: () => resolve(undefined),
    });
  });
}

/** The values of a pipeline's inputs, asked one after the other; undefined when one is cancelled. */
export async function askInputs(pipeline: PipelineSummary): Promise<Record<string, InputValue> | undefined> {
  const values: Record<string, InputValue> = {};
  for (const input of pipeline.inputs) {
    const value = await askInput(input);
    if (value === undefined) return undefined;
    values[input.name] = value;
  }
  return values;
}
