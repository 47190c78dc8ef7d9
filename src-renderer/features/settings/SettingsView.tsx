import { useState } from 'react';
import { defaultSettings, settingKeys, settingsRegistry, type SettingKey, type SettingsSnapshot, type SettingsTarget } from '../../../src-shared/contract';
import { useAppStore } from '../../app/store';
import { SettingRow } from './SettingRow';
import { settingTitle } from './setting-control';
import './settings.css';

/** What the selected file makes of a setting: its own value, else what lies beneath it (the user file, the default). */
function valueInTarget(snapshot: SettingsSnapshot, key: SettingKey, target: SettingsTarget): unknown {
  const own = snapshot.layers[target][key];
  if (own !== undefined) return own;
  return target === 'workspace' ? (snapshot.layers.user[key] ?? defaultSettings[key]) : defaultSettings[key];
}

function matches(key: SettingKey, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const { category, description } = settingsRegistry[key];
  return [key, settingTitle(key), category, description].some((text) => text.toLowerCase().includes(needle));
}

/**
 * Every setting the contract declares, grouped and searchable, edited in the user's or the
 * workspace's settings.json (the host edits the file in place, keeping comments).
 */
export function SettingsView() {
  const snapshot = useAppStore((state) => state.settings);
  const hasWorkspace = useAppStore((state) => state.info?.workspace != null);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<SettingsTarget>('user');
  const shown = settingKeys.filter((key) => matches(key, query) && (target === 'user' || settingsRegistry[key].scope === 'workspace'));
  const categories = [...new Set(shown.map((key) => settingsRegistry[key].category))];
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
        {categories.length === 0 ? <p className="settings-empty">No settings match “{query}”.</p> : null}
        {categories.map((category) => (
          <section key={category} className="settings-group">
            <h3>{category}</h3>
            {shown
              .filter((key) => settingsRegistry[key].category === category)
              .map((key) => (
                <SettingRow
                  key={key}
                  settingKey={key}
                  value={valueInTarget(snapshot, key, target)}
                  ownValue={snapshot.layers[target][key]}
                  overriddenInWorkspace={target === 'user' && snapshot.layers.workspace[key] !== undefined}
                  target={target}
                  issues={snapshot.issues.filter((issue) => issue.key === key)}
                />
              ))}
          </section>
        ))}
      </div>
    </div>
  );
}
