import { useEffect, useRef, useState } from 'react';
import type { PluginInfo } from '../../../../src-shared/contract';
import type { PluginPermissions } from '../../../../src-shared/plugins/permissions';
import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { describePermissions } from './permission-words';

/**
 * Asks the user to approve what a plugin asks for, before any of its code runs. Approving grants
 * exactly the list shown (main refuses it if the manifest changed meanwhile).
 */
export function ApprovalDialog({ plugin, permissions, onDone }: { plugin: PluginInfo; permissions: PluginPermissions; onDone(): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const approveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => approveButton.current?.focus(), []);
  const lines = describePermissions(permissions);
  const name = plugin.manifest?.displayName ?? plugin.id;
  const approve = (): void => {
    host()
      .plugins.approve({ id: plugin.id, permissions: plugin.requestedPermissions })
      .then(onDone, (error: unknown) => setProblem(errorMessage(error)));
  };
  return (
    <div className="plugin-dialog-backdrop">
      <div
        className="plugin-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={`Approve ${name}`}
        data-testid="plugin-approval"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      >
        <h2>
          Allow {name} {plugin.manifest?.version ?? ''}?
        </h2>
        <p className="plugin-dialog-intro">
          {plugin.source === 'user' ? 'This plugin was installed by you. ' : ''}It runs in a sandbox and can do only what you allow here:
        </p>
        {lines.length === 0 ? (
          <p>It asks for no permissions: it can show commands, views and messages only.</p>
        ) : (
          <ul className="plugin-permission-list" data-testid="plugin-approval-permissions">
            {lines.map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
          </ul>
        )}
        {problem ? <p className="plugin-dialog-problem">{problem}</p> : null}
        <div className="plugin-dialog-buttons">
          <button type="button" className="button secondary" onClick={onDone}>
            Not Now
          </button>
          <button ref={approveButton} type="button" className="button" data-testid="plugin-approve" onClick={approve}>
            Allow and Enable
          </button>
        </div>
      </div>
    </div>
  );
}
