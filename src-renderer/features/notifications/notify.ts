import { useNotificationsStore, type NotificationSeverity } from './store';

const autoHideMs = 8_000;
let nextId = 1;

/** Shows a toast in the bottom-right corner; it hides itself after 8 seconds. */
export function notify({ severity, message }: { severity: NotificationSeverity; message: string }): number {
  const id = nextId++;
  const store = useNotificationsStore.getState();
  store.add({ id, severity, message });
  setTimeout(() => useNotificationsStore.getState().dismiss(id), autoHideMs);
  return id;
}

export function dismissNotification(id: number): void {
  useNotificationsStore.getState().dismiss(id);
}
