export { notify, dismissNotification } from './notify';
export { NotificationToasts } from './NotificationToasts';
export type { NotificationAction, NotificationSeverity } from './store';
