import { Codicon } from '../../platform/ui/Codicon';
import { keepMine, takeTheirs } from './actions';
import { useEditorStore } from './store';

/** Above a file that changed on disk while it had unsaved edits: how to settle it. */
export function ConflictBar({ path }: { path: string }) {
  const comparing = useEditorStore((state) => state.comparePath === path);
  const name = path.split('/').pop() ?? path;
  return (
    <div className="editor-notification-bar conflict-bar" role="alert" data-testid="conflict-bar">
      <Codicon name="warning" className="conflict-bar-icon" />
      <span className="conflict-bar-message">
        {name} changed on disk while you had unsaved changes. Keep your version, take the one on disk, or compare them.
      </span>
      <span className="conflict-bar-actions">
        <button type="button" className="conflict-bar-button primary" data-testid="conflict-keep-mine" onClick={() => void keepMine(path)}>
          Keep Mine
        </button>
        <button type="button" className="conflict-bar-button" data-testid="conflict-take-theirs" onClick={() => void takeTheirs(path)}>
          Take Theirs
        </button>
        <button
          type="button"
          className="conflict-bar-button"
          data-testid="conflict-compare"
          aria-pressed={comparing}
          onClick={() => useEditorStore.getState().setComparePath(comparing ? null : path)}
        >
          {comparing ? 'Close Compare' : 'Compare'}
        </button>
      </span>
    </div>
  );
}
