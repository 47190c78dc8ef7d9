import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatKeybinding, runCommand } from '../../app/commands';
import { Codicon } from '../../platform/ui/Codicon';
import { TerminalFind } from './TerminalFind';
import { useTerminalStore } from './store';
import { killTerminal, renameTerminal, terminalInstance } from './terminals';
import './terminal.css';

/** One terminal's screen; the xterm element is moved in, never re-created. */
function TerminalPane({ id, active }: { id: string; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element) terminalInstance(id)?.mount(element);
  }, [id]);
  return (
    <div
      className={`terminal-pane${active ? ' active' : ''}`}
      ref={host}
      onMouseDown={() => useTerminalStore.getState().focus(id)}
      onFocusCapture={() => useTerminalStore.getState().focus(id)}
    />
  );
}

function RenameInput({ id, name }: { id: string; name: string }) {
  const [value, setValue] = useState(name);
  const finish = (commit: boolean): void => {
    useTerminalStore.getState().setRenaming(null);
    if (commit && value.trim() && value.trim() !== name) void renameTerminal(id, value);
    terminalInstance(id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
  };
  return (
    <input
      className="terminal-rename"
      data-testid="terminal-rename"
      aria-label="Terminal name"
      value={value}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}

/** The list of terminals on the right, as VS Code shows it once there is more than one. */
function TerminalTabs() {
  const groups = useTerminalStore((state) => state.groups);
  const terminals = useTerminalStore((state) => state.terminals);
  const activeId = useTerminalStore((state) => state.activeTerminalId);
  const renamingId = useTerminalStore((state) => state.renamingId);
  return (
    <ul className="terminal-tabs" role="tablist" aria-label="Terminals" data-testid="terminal-tabs">
      {groups.flatMap((group) =>
        group.terminalIds.map((id, index) => {
          const info = terminals[id];
          if (!info) return null;
          const split = group.terminalIds.length > 1 ? (index === 0 ? '┌' : index === group.terminalIds.length - 1 ? '└' : '├') : null;
          return (
            <li
              key={id}
              className={`terminal-tab${id === activeId ? ' active' : ''}${info.state === 'exited' ? ' exited' : ''}`}
              role="tab"
              aria-selected={id === activeId}
              data-testid="terminal-tab"
              data-terminal-id={id}
              title={`${info.name}${info.state === 'exited' ? ` (exited with code ${info.exitCode ?? '?'})` : ''}`}
              onClick={() => {
                useTerminalStore.getState().focus(id);
                requestAnimationFrame(() => {
                  if (useTerminalStore.getState().renamingId === null) terminalInstance(id)?.focus();
                });
              }}
              onDoubleClick={() => useTerminalStore.getState().setRenaming(id)}
            >
              {split ? <span className="terminal-tab-split">{split}</span> : null}
              <Codicon name={info.state === 'exited' ? 'debug-disconnect' : 'terminal'} />
              {renamingId === id ? (
                <RenameInput id={id} name={info.name} />
              ) : (
                <span className="terminal-tab-name" data-testid="terminal-tab-name">
                  {info.name}
                </span>
              )}
              <button
                type="button"
                className="icon-button terminal-tab-kill"
                title="Kill Terminal"
                aria-label={`Kill ${info.name}`}
                onClick={(event) => {
                  event.stopPropagation();
                  void killTerminal(id);
                }}
              >
                <Codicon name="trash" />
              </button>
            </li>
          );
        }),
      )}
    </ul>
  );
}

/** The Terminal view of the panel: the active group's terminals side by side, and the list of terminals. */
export function TerminalView() {
  const groups = useTerminalStore((state) => state.groups);
  const activeGroupId = useTerminalStore((state) => state.activeGroupId);
  const activeId = useTerminalStore((state) => state.activeTerminalId);
  const message = useTerminalStore((state) => state.message);
  const findOpen = useTerminalStore((state) => state.findOpen);
  const total = groups.reduce((sum, group) => sum + group.terminalIds.length, 0);
  const activeGroup = groups.find((group) => group.id === activeGroupId) ?? groups[0];
  return (
    <div className="terminal-view" data-testid="terminal-view">
      {message ? (
        <div className="terminal-message" role="alert" data-testid="terminal-message">
          <Codicon name="error" />
          <span>{message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => useTerminalStore.getState().setMessage(null)}>
            <Codicon name="close" />
          </button>
        </div>
      ) : null}
      <div className="terminal-body">
        {findOpen && total > 0 ? <TerminalFind /> : null}
        {total === 0 ? (
          <div className="terminal-empty">
            <button type="button" className="terminal-empty-button" onClick={() => void runCommand('workbench.action.terminal.new')}>
              New Terminal
            </button>
            <span className="terminal-empty-hint">{formatKeybinding('ctrl+`')}</span>
          </div>
        ) : (
          <div className="terminal-groups">
            {groups.map((group) => (
              <div key={group.id} className="terminal-group" hidden={group !== activeGroup}>
                {group.terminalIds.map((id) => (
                  <TerminalPane key={id} id={id} active={id === activeId} />
                ))}
              </div>
            ))}
          </div>
        )}
        {total > 1 ? <TerminalTabs /> : null}
      </div>
    </div>
  );
}

/** The header buttons of the Terminal view. */
export function TerminalActions() {
  const activeId = useTerminalStore((state) => state.activeTerminalId);
  return (
    <>
      <button
        type="button"
        className="icon-button"
        data-testid="terminal-new"
        title={`New Terminal (${formatKeybinding('ctrl+shift+`')})`}
        aria-label="New Terminal"
        onClick={() => void runCommand('workbench.action.terminal.new')}
      >
        <Codicon name="add" />
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="terminal-split"
        title={`Split Terminal (${formatKeybinding('ctrl+shift+5')})`}
        aria-label="Split Terminal"
        disabled={!activeId}
        onClick={() => void runCommand('workbench.action.terminal.split')}
      >
        <Codicon name="split-horizontal" />
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="terminal-kill"
        title="Kill Terminal"
        aria-label="Kill Terminal"
        disabled={!activeId}
        onClick={() => void runCommand('workbench.action.terminal.kill')}
      >
        <Codicon name="trash" />
      </button>
    </>
  );
}
