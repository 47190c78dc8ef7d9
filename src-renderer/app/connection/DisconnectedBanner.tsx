import { Codicon } from '../../platform/ui/Codicon';
import './connection.css';

/** Shown when the host cannot be reached: nothing works until the window reloads and reconnects. */
export function DisconnectedBanner() {
  return (
    <div className="disconnected-banner" role="alert" data-testid="disconnected-banner">
      <Codicon name="debug-disconnect" />
      <span>Disconnected from the Lathe host</span>
      <button type="button" className="button" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
