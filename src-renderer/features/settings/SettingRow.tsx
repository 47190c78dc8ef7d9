import { useState } from 'react';
import type { z } from 'zod';
import type { SettingsIssue, SettingsTarget } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { Codicon } from '../../platform/ui/Codicon';
import { notify } from '../notifications';
import type { ListedSetting } from './listed-settings';
import { controlFor, settingTitle } from './setting-control';

interface SettingRowProps {
  setting: ListedSetting;
  /** The value in the selected file, or what it inherits there. */
  value: unknown;
  /** What the selected file sets, if it sets this key. */
  ownValue: unknown;
  /** The workspace file sets it too, so the user value is not the one in effect here. */
  overriddenInWorkspace: boolean;
  target: SettingsTarget;
  issues: readonly SettingsIssue[];
}

async function write(key: string, value: unknown, target: SettingsTarget): Promise<void> {
  try {
    await host().settings.update({ key, value, target });
  } catch (error) {
    notify({ severity: 'error', message: `Could not change ${key}: ${errorMessage(error)}` });
  }
}

/** One setting: title, description, the control that edits it in the selected file, and its problems. */
export function SettingRow({ setting, value, ownValue, overriddenInWorkspace, target, issues }: SettingRowProps) {
  const { key: settingKey, description, schema } = setting;
  const control = controlFor(schema);
  const modified = ownValue !== undefined;
  return (
    <div className={`setting-row${modified ? ' modified' : ''}`} data-testid="setting-row" data-key={settingKey}>
      <div className="setting-title">
        {settingTitle(settingKey)}
        {modified ? (
          <button type="button" className="setting-reset" title={`Reset to the ${target === 'workspace' ? 'user or default' : 'default'} value`} onClick={() => void write(settingKey, undefined, target)}>
            <Codicon name="discard" />
          </button>
        ) : null}
      </div>
      {control.kind === 'boolean' ? null : <div className="setting-description">{description}</div>}
      <SettingInput setting={setting} control={control} value={value} target={target} />
      {overriddenInWorkspace ? <div className="setting-note">Also set in workspace settings, which take precedence in this folder.</div> : null}
      {issues.map((issue) => (
        <div key={`${issue.file}:${issue.line}:${issue.column}`} className="setting-issue" role="alert">
          <Codicon name="warning" /> {issue.message} ({issue.target} settings, line {issue.line})
        </div>
      ))}
    </div>
  );
}

function SettingInput({ setting, control, value, target }: { setting: ListedSetting; control: ReturnType<typeof controlFor>; value: unknown; target: SettingsTarget }) {
  const { key: settingKey, description, schema } = setting;
  const label = settingTitle(settingKey);
  switch (control.kind) {
    case 'boolean':
      return (
        <label className="setting-checkbox">
          <input type="checkbox" checked={value === true} aria-label={label} onChange={(event) => void write(settingKey, event.target.checked, target)} />
          {description}
        </label>
      );
    case 'enum':
      return (
        <select className="setting-select" aria-label={label} value={String(value)} onChange={(event) => void write(settingKey, event.target.value, target)}>
          {control.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'number':
      return <NumberInput settingKey={settingKey} schema={schema} value={Number(value)} min={control.min} max={control.max} target={target} />;
    case 'patterns':
      return <PatternsInput settingKey={settingKey} value={(value ?? {}) as Record<string, boolean>} target={target} />;
    case 'json':
      return <code className="setting-json">{JSON.stringify(value)}</code>;
  }
}

/** Commits on Enter or blur, and only a value the setting's schema accepts; otherwise says why. */
function NumberInput({ settingKey, schema, value, min, max, target }: { settingKey: string; schema: z.ZodType; value: number; min: number | undefined; max: number | undefined; target: SettingsTarget }) {
  const [draft, setDraft] = useState<string | null>(null);
  const check = schema.safeParse(Number(draft));
  const invalid = draft !== null && (draft.trim() === '' || !check.success);
  const commit = () => {
    if (draft === null) return;
    if (!invalid && Number(draft) !== value) void write(settingKey, Number(draft), target);
    if (!invalid) setDraft(null);
  };
  return (
    <>
      <input
        type="number"
        className={`setting-number${invalid ? ' invalid' : ''}`}
        aria-label={settingTitle(settingKey)}
        aria-invalid={invalid}
        min={min}
        max={max}
        value={draft ?? String(value)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      {invalid ? <div className="setting-issue">{`Value must be a whole number${min !== undefined ? ` from ${min}` : ''}${max !== undefined ? ` to ${max}` : ''}.`}</div> : null}
    </>
  );
}

/** A glob → on/off map such as `files.exclude`: toggle, remove, or add a pattern. */
function PatternsInput({ settingKey, value, target }: { settingKey: string; value: Record<string, boolean>; target: SettingsTarget }) {
  const [pattern, setPattern] = useState('');
  const set = (next: Record<string, boolean>) => void write(settingKey, next, target);
  return (
    <div className="setting-patterns">
      {Object.entries(value).map(([glob, enabled]) => (
        <div key={glob} className="setting-pattern">
          <input type="checkbox" checked={enabled} aria-label={`Apply ${glob}`} onChange={(event) => set({ ...value, [glob]: event.target.checked })} />
          <code>{glob}</code>
          <button
            type="button"
            className="icon-button"
            title={`Remove ${glob}`}
            aria-label={`Remove ${glob}`}
            onClick={() => set(Object.fromEntries(Object.entries(value).filter(([candidate]) => candidate !== glob)))}
          >
            <Codicon name="close" />
          </button>
        </div>
      ))}
      <form
        className="setting-pattern-add"
        onSubmit={(event) => {
          event.preventDefault();
          if (pattern.trim() === '') return;
          set({ ...value, [pattern.trim()]: true });
          setPattern('');
        }}
      >
        <input type="text" placeholder="Add a pattern, e.g. **/*.log" value={pattern} aria-label="New pattern" onChange={(event) => setPattern(event.target.value)} />
        <button type="submit" className="button">
          Add
        </button>
      </form>
    </div>
  );
}
