import { host } from '../../../platform/host';
import { errorMessage } from '../../../platform/errors';
import { Codicon } from '../../../platform/ui/Codicon';
import { getModel, showEditorPicker, useEditorStore } from '../../editor';
import { notify } from '../../notifications';
import { showServerLog } from './server-log';
import { useServerStatus } from './server-status';
import type { LanguageServerStatus } from '../../../../src-shared/contract';

const stateIcons: Partial<Record<LanguageServerStatus['state'], string>> = { missing: 'warning', failed: 'error' };
const busy = (server: LanguageServerStatus): boolean => server.progress !== null || server.state === 'starting' || server.state === 'restarting';

function serverActions(server: LanguageServerStatus): void {
  showEditorPicker({
    placeholder: `${server.name}: ${server.message ?? server.progress ?? server.state}`,
    items: [
      { id: 'restart', label: `Restart ${server.name}` },
      { id: 'log', label: `Show ${server.name} Log` },
    ],
    onPick: (item) => {
      if (item.id === 'log') showServerLog(server);
      else host().language.restartServer({ server: server.id }).catch((error: unknown) => notify({ severity: 'error', message: errorMessage(error) }));
    },
  });
}

/** The language server of the active file: its name, and whether it starts, works, is missing or failed. */
export function LanguageStatusItem() {
  const languageId = useEditorStore((state) => (state.activePath ? getModel(state.activePath)?.getLanguageId() : undefined));
  const servers = useServerStatus((state) => state.servers);
  if (!languageId) return null;
  const candidates = servers.filter((server) => server.languages.includes(languageId) && server.state !== 'disabled');
  const server = candidates.find((candidate) => candidate.state !== 'missing' && candidate.state !== 'stopped') ?? candidates[0];
  if (!server) return null;
  const detail = server.message ?? server.progress ?? server.state;
  return (
    <button
      type="button"
      className="status-bar-item"
      data-testid="statusbar-language-server"
      data-state={server.state}
      title={`${server.name}: ${detail}`}
      onClick={() => serverActions(server)}
    >
      {busy(server) ? <Codicon name="loading" className="codicon-modifier-spin" /> : <Codicon name={stateIcons[server.state] ?? 'bracket-dot'} />}
      {server.name}
    </button>
  );
}
