import type { Disposable, LanguageServerStatus } from '../../../../src-shared/contract';
import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { showEditorPicker } from '../../editor';
import { appendOutput, selectOutputChannel } from '../../panel';
import { showPanelView } from '../problems/show-problems';
import { useServerStatus } from './server-status';

const following = new Map<string, Disposable>();

const channelOf = (server: LanguageServerStatus): { id: string; label: string } => ({ id: `language-server:${server.id}`, label: `${server.name} (Language Server)` });

/** A server's log in an Output channel: its recent lines, then live ones, for the rest of the session. */
export function showServerLog(server: LanguageServerStatus): void {
  const channel = channelOf(server);
  if (!following.has(server.id)) {
    appendOutput(channel.id, channel.label, '');
    following.set(
      server.id,
      host().language.serverLog(
        { server: server.id },
        {
          next: ({ lines }) => appendOutput(channel.id, channel.label, lines.join('\n')),
          error: (error) => {
            following.delete(server.id);
            appendOutput(channel.id, channel.label, `The log stopped: ${errorMessage(error)}`);
          },
        },
      ),
    );
  }
  selectOutputChannel(channel.id);
  showPanelView('output');
}

/** Show Language Server Log…: picks among the configured servers, running ones first. */
export function pickServerLog(): void {
  const servers = [...useServerStatus.getState().servers].sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running'));
  showEditorPicker({
    placeholder: 'Show the log of a language server',
    items: servers.map((server) => ({ id: server.id, label: server.name, description: server.state })),
    emptyText: 'No language servers are configured',
    onPick: (item) => {
      const server = servers.find((candidate) => candidate.id === item.id);
      if (server) showServerLog(server);
    },
  });
}
