import { z } from 'zod';
import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { showEditorPicker } from '../../editor';
import { notify, useNotificationsStore } from '../../notifications';
import { inputBoxOptionsSchema, messageSeveritySchema, parseArguments, quickPickItemsSchema, quickPickOptionsSchema } from './schemas';

const actionsSchema = z.array(z.string().min(1).max(100)).max(5);

/** Resolves when the notification is gone; an action's own answer, given right after, comes first. */
function whenDismissed(id: number, onDismissed: () => void): void {
  const unsubscribe = useNotificationsStore.subscribe((state) => {
    if (state.notifications.some((notification) => notification.id === id)) return;
    unsubscribe();
    queueMicrotask(onDismissed);
  });
}

/** `window.show*Message`, `showQuickPick`, `showInputBox`: the workbench's own notifications and picker. */
export function messageFunctions(pluginName: string): Pick<WorkbenchFunctions, 'showMessage' | 'showQuickPick' | 'showInputBox'> {
  return {
    showMessage(severity, message, actions) {
      const level = parseArguments('window.showMessage', messageSeveritySchema, severity);
      const text = parseArguments('window.showMessage', z.string().max(10_000), message);
      const labels = parseArguments('window.showMessage', actionsSchema, actions);
      return new Promise((resolve) => {
        const id = notify({ severity: level, message: `${pluginName}: ${text}`, actions: labels.map((label) => ({ label, run: () => resolve(label) })) });
        whenDismissed(id, () => resolve(undefined));
      });
    },
    showQuickPick(items, options) {
      const rows = parseArguments('window.showQuickPick', quickPickItemsSchema, items);
      const { placeholder, title } = parseArguments('window.showQuickPick', quickPickOptionsSchema, options);
      return new Promise((resolve) => {
        showEditorPicker({
          placeholder: placeholder ?? title ?? `${pluginName}: pick an item`,
          items: rows.map((row, index) => ({ id: String(index), label: row.label, description: [row.description, row.detail].filter(Boolean).join(' · ') })),
          onPick: (item) => resolve(Number(item.id)),
          onCancel: () => resolve(undefined),
        });
      });
    },
    showInputBox(options) {
      const { title, prompt, placeholder, value, password } = parseArguments('window.showInputBox', inputBoxOptionsSchema, options);
      const hint = prompt ?? title ?? `${pluginName} asks for a value`;
      return new Promise((resolve) => {
        let typed = value ?? '';
        showEditorPicker({
          placeholder: placeholder ?? hint,
          value: typed,
          password: password === true,
          items: (query) => {
            typed = query;
            return [{ id: 'accept', label: `${hint} (press Enter to confirm or Escape to cancel)` }];
          },
          onPick: () => resolve(typed),
          onCancel: () => resolve(undefined),
        });
      });
    },
  };
}
