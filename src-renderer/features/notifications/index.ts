export { notify, dismissNotification } from './notify';
export { NotificationToasts } from './NotificationToasts';
export { useNotificationsStore, type NotificationAction, type NotificationSeverity } from './store';
