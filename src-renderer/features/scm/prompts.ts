import { showEditorPicker, type PickerItem } from '../editor';

interface TextPrompt {
  placeholder: string;
  /** What pressing Enter does, shown under the input: "Create branch 'feature'". */
  describe(value: string): string;
  value?: string;
  password?: boolean;
  /** Why a value cannot be taken, or null when it can. */
  validate?(value: string): string | null;
}

/** Asks for one line of text in the picker; resolves to undefined when the user cancels. */
export function promptText(prompt: TextPrompt): Promise<string | undefined> {
  return new Promise((resolve) => {
    const ask = (initial: string): void => {
      let typed = initial;
      showEditorPicker({
        placeholder: prompt.placeholder,
        value: initial,
        password: prompt.password === true,
        items: (query) => {
          typed = query;
          const problem = prompt.validate?.(query) ?? null;
          return [{ id: problem === null ? 'accept' : 'invalid', label: problem ?? `${prompt.describe(query)} (press Enter to confirm or Escape to cancel)` }];
        },
        onPick: (item) => {
          // An invalid value asks again, keeping what was typed.
          if (item.id === 'invalid') ask(typed);
          else resolve(typed);
        },
        onCancel: () => resolve(undefined),
      });
    };
    ask(prompt.value ?? '');
  });
}

/** Lets the user pick one of a few items; resolves to undefined when the user cancels. */
export function pickOne<T extends PickerItem>(placeholder: string, items: readonly T[], options: { activeId?: string; emptyText?: string } = {}): Promise<T | undefined> {
  return new Promise((resolve) => {
    showEditorPicker({
      placeholder,
      items,
      ...(options.activeId === undefined ? {} : { activeId: options.activeId }),
      ...(options.emptyText === undefined ? {} : { emptyText: options.emptyText }),
      onPick: (item) => resolve(items.find((candidate) => candidate.id === item.id)),
      onCancel: () => resolve(undefined),
    });
  });
}
