import { create } from 'zustand';
import type { Disposable, LanguageFeatures, LanguageServerStatus } from '../../../../src-shared/contract';
import { runCommand } from '../../../app/commands';
import { host } from '../../../platform/host';
import { notify } from '../../notifications';

interface ServerStatusState {
  servers: LanguageServerStatus[];
}

/** The host's language servers and their states, as last reported. */
export const useServerStatus = create<ServerStatusState>()(() => ({ servers: [] }));

/** The running server that serves a language (the first, as the host routes files), with what it offers. */
export function serverForLanguage(servers: readonly LanguageServerStatus[], languageId: string): (LanguageServerStatus & { features: LanguageFeatures }) | undefined {
  return servers.find((server): server is LanguageServerStatus & { features: LanguageFeatures } => server.state === 'running' && server.features !== null && server.languages.includes(languageId));
}

/** Editor languages some server serves, or will once a file needs it: only their files are given to the host. */
export function coveredLanguages(servers: readonly LanguageServerStatus[]): Set<string> {
  return new Set(servers.filter((server) => server.state !== 'disabled' && server.state !== 'missing').flatMap((server) => server.languages));
}

/** Each problem is told once per window, with the next step. */
const told = new Set<string>();

/** A file opened whose language's servers are all missing: says which program to install, once. */
export function tellMissingServer(languageId: string): void {
  const { servers } = useServerStatus.getState();
  const candidates = servers.filter((server) => server.languages.includes(languageId) && server.state !== 'disabled');
  const missing = candidates[0];
  if (!missing?.message || candidates.some((server) => server.state !== 'missing') || told.has(`${missing.id}:missing`)) return;
  told.add(`${missing.id}:missing`);
  notify({ severity: 'warning', message: missing.message, actions: [{ label: 'Open Settings', run: () => runCommand('workbench.action.openSettings') }] });
}

function tellFailure(server: LanguageServerStatus): void {
  const key = `${server.id}:failed`;
  if (server.state === 'running') told.delete(key);
  if (server.state !== 'failed' || !server.message || told.has(key)) return;
  told.add(key);
  notify({
    severity: 'error',
    message: server.message,
    actions: [
      { label: 'Show Log', run: () => runCommand('lathe.language.showServerLog') },
      { label: 'Restart', run: () => host().language.restartServer({ server: server.id }) },
    ],
  });
}

export async function followServerStatus(): Promise<Disposable> {
  const apply = (servers: LanguageServerStatus[]): void => {
    useServerStatus.setState({ servers });
    servers.forEach(tellFailure);
  };
  const subscription = host().language.onDidChangeServers(({ servers }) => apply(servers));
  apply(await host().language.servers());
  return subscription;
}
