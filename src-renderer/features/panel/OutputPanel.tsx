import { useMemo } from 'react';
import { useAppStore } from '../../app/store';
import { Codicon } from '../../platform/ui/Codicon';
import { noticeEntry, settingsIssueEntry, type PanelEntry } from './panel-entries';
import { usePanelStore } from './store';
import './panel.css';

function useOutputEntries(): PanelEntry[] {
  const issues = useAppStore((state) => state.settings.issues);
  const workspaceRoot = useAppStore((state) => state.info?.workspace?.root);
  const notices = usePanelStore((state) => state.notices);
  return useMemo(
    () => [...issues.map((issue, index) => settingsIssueEntry(issue, index, workspaceRoot)), ...notices.map(noticeEntry)],
    [issues, notices, workspaceRoot],
  );
}

/** How many entries the Output view lists (its tab's badge). */
export function useOutputCount(): number {
  return useOutputEntries().length;
}

/** Host notices and settings issues, one line each, like VS Code's Problems view. */
export function OutputView() {
  const entries = useOutputEntries();
  return (
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
