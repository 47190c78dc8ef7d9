import type { ReactNode } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { usePanelStore, type PanelView } from './store';
import './panel.css';

export interface PanelViewEntry {
  id: PanelView;
  title: string;
  badge?: number | undefined;
  /** Buttons shown on the right of the header while the view is in front. */
  actions?: ReactNode;
  content: ReactNode;
}

interface PanelProps {
  views: PanelViewEntry[];
  onClose(): void;
}

/**
 * The bottom panel: a tab per view, the front view's actions and a close button, as in VS Code.
 * Every view stays mounted (terminals keep their screens); the ones behind are hidden.
 */
export function Panel({ views, onClose }: PanelProps) {
  const activeView = usePanelStore((state) => state.activeView);
  const showView = usePanelStore((state) => state.showView);
  const front = views.find((view) => view.id === activeView) ?? views[0];
  return (
    <section className="panel" data-testid="panel" aria-label="Panel">
      <header className="panel-header">
        <div className="panel-tabs" role="tablist">
          {views.map((view) => (
            <button
              key={view.id}
              type="button"
              className="panel-tab"
              role="tab"
              data-testid={`panel-tab-${view.id}`}
              aria-selected={view === front}
              onClick={() => showView(view.id)}
            >
              {view.title}
              {view.badge ? <span className="badge">{view.badge}</span> : null}
            </button>
          ))}
        </div>
        <div className="panel-actions">
          {front?.actions}
          <button type="button" className="icon-button" title="Hide Panel" aria-label="Hide Panel" onClick={onClose}>
            <Codicon name="close" />
          </button>
        </div>
      </header>
      {views.map((view) => (
        <div key={view.id} className="panel-view" role="tabpanel" hidden={view !== front} data-view={view.id}>
          {view.content}
        </div>
      ))}
    </section>
  );
}
