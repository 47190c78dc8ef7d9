import { useNotificationsStore, type NotificationAction, type NotificationSeverity } from './store';

const autoHideMs = 8_000;
/** A notification that offers a next step stays longer, so there is time to take it. */
const autoHideWithActionsMs = 30_000;
let nextId = 1;

/** Shows a toast in the bottom-right corner; it hides itself after 8 seconds (30 with actions). */
export function notify({ severity, message, actions }: { severity: NotificationSeverity; message: string; actions?: readonly NotificationAction[] }): number {
  const id = nextId++;
  const store = useNotificationsStore.getState();
  store.add(actions && actions.length > 0 ? { id, severity, message, actions } : { id, severity, message });
  setTimeout(() => useNotificationsStore.getState().dismiss(id), actions && actions.length > 0 ? autoHideWithActionsMs : autoHideMs);
  return id;
}

export function dismissNotification(id: number): void {
  useNotificationsStore.getState().dismiss(id);
}
