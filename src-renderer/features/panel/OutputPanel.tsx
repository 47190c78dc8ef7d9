import { useMemo } from 'react';
import { useAppStore } from '../../app/store';
import { Codicon } from '../../platform/ui/Codicon';
import { noticeEntry, settingsIssueEntry, type PanelEntry } from './panel-entries';
import { usePanelStore } from './store';
import './panel.css';

interface OutputPanelProps {
  onClose(): void;
}

/** The bottom panel: host notices and settings issues, one line each, like VS Code's Problems view. */
export function OutputPanel({ onClose }: OutputPanelProps) {
  const issues = useAppStore((state) => state.settings.issues);
  const workspaceRoot = useAppStore((state) => state.info?.workspace?.root);
  const notices = usePanelStore((state) => state.notices);
  const entries = useMemo(
    () => [...issues.map((issue, index) => settingsIssueEntry(issue, index, workspaceRoot)), ...notices.map(noticeEntry)],
    [issues, notices, workspaceRoot],
  );

  return (
    <section className="panel" data-testid="panel" aria-label="Output">
      <header className="panel-header">
        <div className="panel-tabs" role="tablist">
          <div className="panel-tab" role="tab" aria-selected="true">
            Output
            {entries.length > 0 ? <span className="badge">{entries.length}</span> : null}
          </div>
        </div>
        <div className="panel-actions">
          <button type="button" className="icon-button" title="Hide Panel" aria-label="Hide Panel" onClick={onClose}>
            <Codicon name="close" />
          </button>
        </div>
      </header>
      <div className="panel-body">
        {entries.length === 0 ? (
          <div className="panel-empty">No problems or notices have been reported.</div>
        ) : (
          <ul className="panel-list">
            {entries.map((entry) => (
              <PanelRow key={entry.key} entry={entry} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function PanelRow({ entry }: { entry: PanelEntry }) {
  return (
    <li className={`panel-row severity-${entry.severity}`}>
      <Codicon name={entry.severity} className="panel-row-icon" />
      {entry.location ? <span className="panel-row-location">{entry.location}</span> : null}{' '}
      <span className="panel-row-message">{entry.message}</span>
      <span className="panel-row-source">{entry.source}</span>
    </li>
  );
}
