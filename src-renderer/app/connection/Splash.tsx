import { DisconnectedBanner } from './DisconnectedBanner';
import './connection.css';

/** What paints before the host answers; it turns into the banner if the first connection fails. */
export function Splash({ failed }: { failed: boolean }) {
  return (
    <div className="splash" data-testid="splash">
      {failed ? <DisconnectedBanner /> : null}
      <div className="splash-mark" aria-label={failed ? 'Lathe' : 'Lathe is starting'}>
        Lathe
      </div>
      {failed ? null : <div className="splash-progress" role="progressbar" aria-label="Connecting" />}
    </div>
  );
}
