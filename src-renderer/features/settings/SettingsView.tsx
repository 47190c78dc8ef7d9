import { useMemo, useState } from 'react';
import type { SettingsSnapshot, SettingsTarget } from '../../../src-shared/contract';
import { useAppStore } from '../../app/store';
import { layerOf, listedSettings, type ListedSetting } from './listed-settings';
import { SettingRow } from './SettingRow';
import { settingTitle } from './setting-control';
import './settings.css';

/** What the selected file makes of a setting: its own value, else what lies beneath it (the user file, the default). */
function valueInTarget(snapshot: SettingsSnapshot, setting: ListedSetting, target: SettingsTarget): unknown {
  const own = layerOf(snapshot, setting, target)[setting.key];
  if (own !== undefined) return own;
  return target === 'workspace' ? (layerOf(snapshot, setting, 'user')[setting.key] ?? setting.default) : setting.default;
}

function matches(setting: ListedSetting, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [setting.key, settingTitle(setting.key), setting.group.title, setting.description].some((text) => text.toLowerCase().includes(needle));
}

/**
 * Every setting the contract declares, then those of each installed plugin, grouped and searchable, edited in the user's or the
 * workspace's settings.json (the host edits the file in place, keeping comments).
 */
export function SettingsView() {
  const snapshot = useAppStore((state) => state.settings);
  const hasWorkspace = useAppStore((state) => state.info?.workspace != null);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<SettingsTarget>('user');
  const settings = useMemo(() => listedSettings(snapshot.plugins.groups), [snapshot.plugins.groups]);
  const shown = settings.filter((setting) => matches(setting, query) && (target === 'user' || setting.scope === 'workspace'));
  const groups = [...new Map(shown.map((setting) => [setting.group.id, setting.group])).values()];
  const file = target === 'user' ? snapshot.files.user : snapshot.files.workspace;

  return (
    <div className="settings-view">
      <header className="side-bar-title">
        <h2>Settings</h2>
      </header>
      <div className="settings-controls">
        <input
          type="search"
          className="settings-search"
          data-testid="settings-search"
          placeholder="Search settings"
          aria-label="Search settings"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <div className="settings-targets" role="tablist" aria-label="Settings file">
          {(['user', 'workspace'] as const).map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="tab"
              aria-selected={target === candidate}
              disabled={candidate === 'workspace' && !hasWorkspace}
              className={`settings-target${target === candidate ? ' active' : ''}`}
              onClick={() => setTarget(candidate)}
            >
              {candidate === 'user' ? 'User' : 'Workspace'}
            </button>
          ))}
        </div>
        {file ? <div className="settings-file" title={file}>{file}</div> : null}
      </div>
      <div className="settings-list">
        {groups.length === 0 ? <p className="settings-empty">No settings match “{query}”.</p> : null}
        {groups.map((group) => (
          <section key={group.id} className="settings-group" data-group={group.id}>
            <h3>{group.title}</h3>
            {shown
              .filter((setting) => setting.group.id === group.id)
              .map((setting) => (
                <SettingRow
                  key={setting.key}
                  setting={setting}
                  value={valueInTarget(snapshot, setting, target)}
                  ownValue={layerOf(snapshot, setting, target)[setting.key]}
                  overriddenInWorkspace={target === 'user' && layerOf(snapshot, setting, 'workspace')[setting.key] !== undefined}
                  target={target}
                  issues={snapshot.issues.filter((issue) => issue.key === setting.key)}
                />
              ))}
          </section>
        ))}
      </div>
    </div>
  );
}
