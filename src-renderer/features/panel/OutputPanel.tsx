import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../app/store';
import { Codicon } from '../../platform/ui/Codicon';
import { clearOutput, noticesChannel, selectOutputChannel, useOutputChannels } from './output-channels';
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

/** The chosen output channel, or host notices and settings issues one line each. */
export function OutputView() {
  const active = useOutputChannels((state) => state.active);
  return active === noticesChannel ? <NoticesList /> : <ChannelText id={active} />;
}

/** A channel's text, kept scrolled to the end while new output arrives (unless scrolled up). */
function ChannelText({ id }: { id: string }) {
  const lines = useOutputChannels((state) => state.channels.find((channel) => channel.id === id)?.lines);
  const body = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useEffect(() => {
    if (following.current && body.current) body.current.scrollTop = body.current.scrollHeight;
  }, [lines]);
  return (
    <pre
      ref={body}
      className="panel-body output-channel"
      data-testid="output-channel"
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
      }}
    >
      {(lines ?? []).join('\n')}
    </pre>
  );
}

/** Picks the channel the Output view shows, and clears it. */
export function OutputActions() {
  const channels = useOutputChannels((state) => state.channels);
  const active = useOutputChannels((state) => state.active);
  return (
    <>
      <select className="output-channel-select" aria-label="Output Channel" data-testid="output-channel-select" value={active} onChange={(event) => selectOutputChannel(event.target.value)}>
        <option value={noticesChannel}>Notices</option>
        {channels.map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.label}
          </option>
        ))}
      </select>
      {active !== noticesChannel ? (
        <button type="button" className="icon-button" title="Clear Output" aria-label="Clear Output" onClick={() => clearOutput(active)}>
          <Codicon name="clear-all" />
        </button>
      ) : null}
    </>
  );
}

function NoticesList() {
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
