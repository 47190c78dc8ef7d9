import { useState, type FormEvent } from 'react';
import type { PluginInfo } from '../../../../src-shared/contract';
import type { PluginPermissions } from '../../../../src-shared/plugins/permissions';
import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { Codicon } from '../../../platform/ui/Codicon';
import { notify } from '../../notifications';
import { usePluginsStore, type PluginRunState } from '../store';
import { ApprovalDialog } from './ApprovalDialog';
import { describePermissions } from './permission-words';
import { reloadPlugin, setPluginEnabled, showPluginLog, uninstallPlugin } from './plugin-actions';
import './plugins.css';

const stateWords: Record<PluginInfo['state'], string> = {
  ready: 'Enabled',
  disabled: 'Disabled',
  'needs-approval': 'Waiting for approval',
  incompatible: 'Incompatible',
  invalid: 'Invalid',
};

const runWords: Record<PluginRunState, string> = {
  inactive: 'not activated',
  starting: 'starting',
  active: 'running',
  restarting: 'restarting',
  failed: 'stopped',
};

/** Runs an action of the view; its failure becomes a notification. */
function attempt(action: () => Promise<unknown>): void {
  action().catch((error: unknown) => notify({ severity: 'error', message: errorMessage(error) }));
}

function InstallBox({ onInstalled }: { onInstalled(plugin: PluginInfo, permissions: PluginPermissions): void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim() === '') return;
    setBusy(true);
    setProblem(null);
    host()
      .plugins.install({ path: path.trim() })
      .then(
        (result) => {
          setPath('');
          onInstalled(result.plugin, result.permissionsToApprove);
        },
        (error: unknown) => setProblem(errorMessage(error)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="plugin-install" onSubmit={submit}>
      <input
        className="plugin-install-input"
        data-testid="plugin-install-path"
        placeholder="Install from a folder or .lathe-plugin file (absolute path)"
        aria-label="Path of a plugin folder or archive to install"
        value={path}
        spellCheck={false}
        onChange={(event) => setPath(event.target.value)}
      />
      <button type="submit" className="button" data-testid="plugin-install" disabled={busy || path.trim() === ''}>
        Install
      </button>
      {problem ? (
        <div className="plugin-install-problem" role="alert" data-testid="plugin-install-problem">
          {problem}
        </div>
      ) : null}
    </form>
  );
}

function PluginRow({ plugin, onReview }: { plugin: PluginInfo; onReview(): void }) {
  const run = usePluginsStore((state) => state.run[plugin.id]);
  const { manifest } = plugin;
  const permissions = describePermissions(plugin.requestedPermissions);
  const running = plugin.state === 'ready' && run ? ` · ${runWords[run.state]}` : '';
  return (
    <li className="plugin-row" data-testid="plugin-row" data-id={plugin.id} data-state={plugin.state} data-run={run?.state ?? 'inactive'}>
      <div className="plugin-row-title">
        <Codicon name="extensions" className="plugin-row-icon" />
        <span className="plugin-row-name">{manifest?.displayName ?? manifest?.name ?? plugin.id}</span>
        {manifest ? <span className="plugin-row-version">{manifest.version}</span> : null}
        {plugin.source === 'builtin' ? <span className="plugin-row-badge">built-in</span> : null}
      </div>
      <div className="plugin-row-id">
        {plugin.id} · <span data-testid="plugin-state">{stateWords[plugin.state]}</span>
        {running}
      </div>
      {manifest?.description ? <div className="plugin-row-description">{manifest.description}</div> : null}
      {run?.state === 'failed' || run?.state === 'restarting' ? <div className="plugin-row-problem">{run.detail}</div> : null}
      {plugin.errors.map((error) => (
        <div key={error} className="plugin-row-problem">
          {error}
        </div>
      ))}
      {permissions.length > 0 ? (
        <ul className="plugin-row-permissions" aria-label="Permissions" data-testid="plugin-permissions">
          {permissions.map((permission) => (
            <li key={permission.key}>
              <Codicon name="shield" /> {permission.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="plugin-row-actions">
        {plugin.state === 'needs-approval' ? (
          <button type="button" className="button" data-testid="plugin-review" onClick={onReview}>
            Review Permissions…
          </button>
        ) : null}
        {plugin.state !== 'invalid' ? (
          <button type="button" className="button secondary" data-testid="plugin-toggle" onClick={() => attempt(() => setPluginEnabled(plugin.id, !plugin.enabled))}>
            {plugin.enabled ? 'Disable' : 'Enable'}
          </button>
        ) : null}
        <button type="button" className="icon-button" title="Reload" aria-label={`Reload ${plugin.id}`} data-testid="plugin-reload" onClick={() => attempt(() => reloadPlugin(plugin.id))}>
          <Codicon name="refresh" />
        </button>
        <button type="button" className="icon-button" title="Show Log" aria-label={`Show the log of ${plugin.id}`} data-testid="plugin-log" onClick={() => attempt(() => showPluginLog(plugin.id))}>
          <Codicon name="output" />
        </button>
        {plugin.source === 'user' ? (
          <button
            type="button"
            className="icon-button"
            title="Uninstall"
            aria-label={`Uninstall ${plugin.id}`}
            data-testid="plugin-uninstall"
            onClick={() => {
              if (window.confirm(`Uninstall ${plugin.id}? Its storage and secrets are removed too.`)) attempt(() => uninstallPlugin(plugin.id));
            }}
          >
            <Codicon name="trash" />
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** The Plugins side bar view: install, approve, enable or disable, reload, uninstall, and each plugin's log. */
export function PluginsView() {
  const plugins = usePluginsStore((state) => state.plugins);
  const [approval, setApproval] = useState<{ id: string; permissions: PluginPermissions } | null>(null);
  const approving = approval ? plugins.find((plugin) => plugin.id === approval.id) : undefined;
  return (
    <div className="plugins-view" data-testid="plugins-view">
      <header className="side-bar-title">
        <h2>Plugins</h2>
      </header>
      <InstallBox
        onInstalled={(plugin, permissions) => {
          if (plugin.state === 'needs-approval') setApproval({ id: plugin.id, permissions });
        }}
      />
      <div className="plugin-list-scroller">
        <ul className="plugin-list" aria-label="Installed plugins">
          {plugins.map((plugin) => (
            <PluginRow key={plugin.id} plugin={plugin} onReview={() => setApproval({ id: plugin.id, permissions: plugin.requestedPermissions })} />
          ))}
        </ul>
        {plugins.length === 0 ? <div className="plugin-view-message">No plugins are installed.</div> : null}
      </div>
      {approving ? <ApprovalDialog plugin={approving} permissions={approval?.permissions ?? approving.requestedPermissions} onDone={() => setApproval(null)} /> : null}
    </div>
  );
}
