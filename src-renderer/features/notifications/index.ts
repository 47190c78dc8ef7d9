export { notify, dismissNotification } from './notify';
export { NotificationToasts } from './NotificationToasts';
export type { NotificationSeverity } from './store';
