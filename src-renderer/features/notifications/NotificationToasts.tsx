import { Codicon } from '../../platform/ui/Codicon';
import { dismissNotification } from './notify';
import { useNotificationsStore, type NotificationSeverity } from './store';
import './notifications.css';

const icons: Record<NotificationSeverity, string> = { info: 'info', warning: 'warning', error: 'error' };

/** The toast stack in the bottom-right corner, above the status bar. */
export function NotificationToasts() {
  const notifications = useNotificationsStore((state) => state.notifications);
  if (notifications.length === 0) return null;
  return (
    <div className="notification-toasts" role="region" aria-label="Notifications">
      {notifications.map((notification) => (
        <div
          key={notification.id}
          className={`notification-toast severity-${notification.severity}`}
          data-testid="notification"
          role={notification.severity === 'error' ? 'alert' : 'status'}
        >
          <Codicon name={icons[notification.severity]} className="notification-icon" />
          <div className="notification-body">
            <div className="notification-message">{notification.message}</div>
            {notification.actions ? (
              <div className="notification-actions">
                {notification.actions.map((action) => (
                  <button
                    key={action.label}
                    type="button"
                    className="notification-action"
                    data-testid="notification-action"
                    onClick={() => {
                      dismissNotification(notification.id);
                      void action.run();
                    }}
                  >
                    {action.label}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          <button
            type="button"
            className="icon-button notification-close"
            title="Clear Notification"
            aria-label="Clear Notification"
            onClick={() => dismissNotification(notification.id)}
          >
            <Codicon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
