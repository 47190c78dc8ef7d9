import { create } from 'zustand';

export type NotificationSeverity = 'info' | 'warning' | 'error';

/** A button on a notification; running it also clears the notification. */
export interface NotificationAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Notification {
  id: number;
  severity: NotificationSeverity;
  message: string;
  actions?: readonly NotificationAction[];
}

interface NotificationsState {
  notifications: Notification[];
  add(notification: Notification): void;
  dismiss(id: number): void;
}

export const useNotificationsStore = create<NotificationsState>()((set) => ({
  notifications: [],
  add: (notification) => set((state) => ({ notifications: [...state.notifications, notification].slice(-maxVisible) })),
  dismiss: (id) => set((state) => ({ notifications: state.notifications.filter((notification) => notification.id !== id) })),
}));

const maxVisible = 5;
