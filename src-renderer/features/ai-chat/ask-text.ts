import { showEditorPicker } from '../editor';

/** Asks for one line of text in the picker at the top of the window; undefined when cancelled or left empty. */
export function askText(prompt: { placeholder: string; value: string; describe(value: string): string }): Promise<string | undefined> {
  return new Promise((resolve) => {
    let typed = prompt.value.trim();
    showEditorPicker({
      placeholder: prompt.placeholder,
      value: prompt.value,
      items: (query) => {
        typed = query.trim();
        return [{ id: 'accept', label: typed === '' ? prompt.placeholder : prompt.describe(typed), description: 'Enter to confirm, Escape to cancel' }];
      },
      onPick: () => resolve(typed === '' ? undefined : typed),
      onCancel: () => resolve(undefined),
    });
  });
}
