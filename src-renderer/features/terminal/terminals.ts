import type { Disposable, TerminalInfo } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { usePanelStore } from '../panel';
import { useTerminalStore } from './store';
import { followTerminalSettings, TerminalInstance } from './terminal-instance';

const instances = new Map<string, TerminalInstance>();
/** Creations in flight: their terminals are placed (maybe as a split) when `create` answers, not by the event. */
let creating = 0;

export function terminalInstance(id: string): TerminalInstance | undefined {
  return instances.get(id);
}

export function activeTerminalInstance(): TerminalInstance | undefined {
  const id = useTerminalStore.getState().activeTerminalId;
  return id ? instances.get(id) : undefined;
}

function track(info: TerminalInfo, splitFrom?: string): TerminalInstance {
  useTerminalStore.getState().upsert(info, splitFrom ? { splitFrom } : {});
  let instance = instances.get(info.id);
  if (!instance) {
    instance = new TerminalInstance(info.id);
    instances.set(info.id, instance);
  }
  return instance;
}

function forget(id: string): void {
  instances.get(id)?.dispose();
  instances.delete(id);
  useTerminalStore.getState().remove(id);
}

/**
 * Reattaches to the host's live terminals (after a reload each replays its recent output) and
 * follows terminals created, renamed or closed in other windows.
 */
export async function followTerminals(): Promise<Disposable> {
  const settings = followTerminalSettings(() => instances.values());
  const changes = host().terminal.onDidChangeTerminals(({ terminals }) => {
    const live = new Set(terminals.map((info) => info.id));
    for (const info of terminals) if (creating === 0 || instances.has(info.id)) track(info);
    for (const id of [...instances.keys()]) if (!live.has(id)) forget(id);
  });
  try {
    const live = await host().terminal.list();
    for (const info of live) track(info);
    // After a reload, the terminals that were running come back in front.
    if (live.length > 0) usePanelStore.getState().showView('terminal');
  } catch (error) {
    useTerminalStore.getState().setMessage(errorMessage(error));
  }
  return {
    dispose() {
      settings.dispose();
      changes.dispose();
    },
  };
}

export interface NewTerminalOptions {
  /** Opens the new terminal beside this one in the same group. */
  splitFrom?: string | undefined;
  profile?: string | undefined;
  cwd?: string | undefined;
}

/** Starts a terminal; a failure (missing shell, deleted folder) shows in the terminal view and resolves to undefined. */
export async function createTerminal(options: NewTerminalOptions = {}): Promise<TerminalInstance | undefined> {
  const reference = options.splitFrom ? instances.get(options.splitFrom)?.term : activeTerminalInstance()?.term;
  creating += 1;
  try {
    const info = await host().terminal.create({
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      cols: Math.max(2, reference?.cols ?? 80),
      rows: Math.max(1, reference?.rows ?? 24),
    });
    useTerminalStore.getState().setMessage(null);
    return track(info, options.splitFrom);
  } catch (error) {
    useTerminalStore.getState().setMessage(`Could not open a terminal: ${errorMessage(error)}`);
    return undefined;
  } finally {
    creating -= 1;
  }
}

export async function killTerminal(id: string): Promise<void> {
  try {
    await host().terminal.kill({ id });
  } catch (error) {
    useTerminalStore.getState().setMessage(errorMessage(error));
  }
  forget(id);
}

export async function restartTerminal(id: string): Promise<void> {
  try {
    const info = await host().terminal.restart({ id });
    useTerminalStore.getState().upsert(info);
    useTerminalStore.getState().setMessage(null);
  } catch (error) {
    useTerminalStore.getState().setMessage(`Could not restart the terminal: ${errorMessage(error)}`);
  }
}

export async function renameTerminal(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  try {
    useTerminalStore.getState().upsert(await host().terminal.rename({ id, name: trimmed }));
  } catch (error) {
    useTerminalStore.getState().setMessage(errorMessage(error));
  }
}

/** Sends text to a terminal as if typed (a trailing newline runs it). */
export async function sendText(id: string, text: string): Promise<void> {
  try {
    await host().terminal.write({ id, data: text });
  } catch (error) {
    useTerminalStore.getState().setMessage(errorMessage(error));
  }
}
