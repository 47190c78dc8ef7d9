import { create } from 'zustand';
import type { TerminalInfo } from '../../../src-shared/contract';

/** Terminals shown side by side share a group; each group is one entry of the tab list. */
export interface TerminalGroup {
  id: number;
  terminalIds: string[];
}

interface TerminalState {
  terminals: Record<string, TerminalInfo>;
  groups: TerminalGroup[];
  activeGroupId: number | null;
  activeTerminalId: string | null;
  /** The terminal whose name is being edited in the tab list. */
  renamingId: string | null;
  /** A problem to show above the terminals (a shell that would not start, a lost connection). */
  message: string | null;
  /** Whether the find box over the active terminal is open. */
  findOpen: boolean;
  upsert(info: TerminalInfo, options?: { splitFrom?: string }): void;
  remove(id: string): void;
  focus(id: string): void;
  setRenaming(id: string | null): void;
  setMessage(message: string | null): void;
  setFindOpen(open: boolean): void;
}

let nextGroupId = 1;

export const useTerminalStore = create<TerminalState>()((set) => ({
  terminals: {},
  groups: [],
  activeGroupId: null,
  activeTerminalId: null,
  renamingId: null,
  message: null,
  findOpen: false,
  upsert: (info, options = {}) =>
    set((state) => {
      const terminals = { ...state.terminals, [info.id]: info };
      if (state.terminals[info.id]) return { terminals };
      const host = options.splitFrom ? state.groups.find((group) => group.terminalIds.includes(options.splitFrom as string)) : undefined;
      if (host) {
        const groups = state.groups.map((group) => {
          if (group !== host) return group;
          const ids = [...group.terminalIds];
          ids.splice(ids.indexOf(options.splitFrom as string) + 1, 0, info.id);
          return { ...group, terminalIds: ids };
        });
        return { terminals, groups, activeGroupId: host.id, activeTerminalId: info.id };
      }
      const group = { id: nextGroupId++, terminalIds: [info.id] };
      return { terminals, groups: [...state.groups, group], activeGroupId: group.id, activeTerminalId: info.id };
    }),
  remove: (id) =>
    set((state) => {
      if (!state.terminals[id]) return state;
      const terminals = { ...state.terminals };
      delete terminals[id];
      const index = state.groups.findIndex((group) => group.terminalIds.includes(id));
      const groups = state.groups
        .map((group) => ({ ...group, terminalIds: group.terminalIds.filter((other) => other !== id) }))
        .filter((group) => group.terminalIds.length > 0);
      let { activeGroupId, activeTerminalId } = state;
      if (activeTerminalId === id) {
        const sameGroup = groups.find((group) => group.id === activeGroupId);
        const next = sameGroup ?? groups[Math.min(Math.max(index, 0), groups.length - 1)];
        activeGroupId = next?.id ?? null;
        activeTerminalId = next?.terminalIds[0] ?? null;
      }
      return { terminals, groups, activeGroupId, activeTerminalId, renamingId: state.renamingId === id ? null : state.renamingId };
    }),
  focus: (id) =>
    set((state) => {
      const group = state.groups.find((candidate) => candidate.terminalIds.includes(id));
      return group ? { activeGroupId: group.id, activeTerminalId: id } : state;
    }),
  setRenaming: (renamingId) => set({ renamingId }),
  setMessage: (message) => set({ message }),
  setFindOpen: (findOpen) => set({ findOpen }),
}));
