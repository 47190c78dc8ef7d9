import { create } from 'zustand';
import { defaultSettings, type AppInfo, type SettingsSnapshot, type SettingsValues } from '../../src-shared/contract';

export type ConnectionState = 'connecting' | 'connected' | 'failed' | 'disconnected';

interface AppState {
  connection: ConnectionState;
  info: AppInfo | null;
  settings: SettingsSnapshot;
  setConnection(connection: ConnectionState): void;
  setInfo(info: AppInfo): void;
  setSettings(settings: SettingsSnapshot): void;
}

/** What the whole workbench reads: the connection, the host's app info and the effective settings. */
export const useAppStore = create<AppState>()((set) => ({
  connection: 'connecting',
  info: null,
  settings: {
    values: defaultSettings,
    layers: { user: {}, workspace: {} },
    plugins: { groups: [], values: {}, layers: { user: {}, workspace: {} } },
    issues: [],
    files: { user: '', workspace: null },
  },
  setConnection: (connection) => set({ connection }),
  setInfo: (info) => set({ info }),
  setSettings: (settings) => set({ settings }),
}));

/** Subscribes a component to one effective setting. */
export function useSetting<K extends keyof SettingsValues>(key: K): SettingsValues[K] {
  return useAppStore((state) => state.settings.values[key]);
}

/** Reads one effective setting outside React (commands). */
export function currentSetting<K extends keyof SettingsValues>(key: K): SettingsValues[K] {
  return useAppStore.getState().settings.values[key];
}
