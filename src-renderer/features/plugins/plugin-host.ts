import type { PluginInfo } from '../../../src-shared/contract';
import { LATHE_API_VERSION } from '../../../src-shared/plugins/api-version';
import { heartbeatIntervalMs, type PluginInit, type RuntimeFunctions } from '../../../plugins/api/runtime/protocol';
import { runCommand } from '../../app/commands';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import type { PluginHostServices } from './bridge/services';
import { workbenchFunctions } from './bridge/workbench-functions';
import { contributedSettings, followContributedSettings } from './contributions/settings';
import { activeEditorData, followDocuments, openDocuments } from './document-sync';
import type { CrashPolicy } from '../../../src-shared/crash-policy';
import { pluginCrashes } from './host/crash-policy';
import { PluginSession } from './host/plugin-session';
import { commandHandler } from './plugin-commands';
import { logToPluginOutput } from './plugin-output';
import { readyPlugins, runStateOf, setRunState, usePluginsStore } from './store';

type ReadyPlugin = PluginSession['info'];

/** A worker that has not sent a heartbeat for this long is stopped (an infinite loop, a blocked thread). */
const heartbeatTimeoutMs = 5_000;
/** How long `deactivate` may take before the worker is stopped anyway. */
const deactivateTimeoutMs = 3_000;

const sessions = new Map<string, PluginSession>();
/** Sessions whose runtime has started: they receive document and editor events. */
const started = new Set<PluginSession>();
const starting = new Map<string, Promise<PluginSession | undefined>>();
const policies = new Map<string, CrashPolicy>();
const restartTimers = new Map<string, ReturnType<typeof setTimeout>>();

const nameOf = (plugin: PluginInfo): string => plugin.manifest?.displayName ?? plugin.manifest?.name ?? plugin.id;
const findReady = (id: string): ReadyPlugin | undefined => readyPlugins(usePluginsStore.getState().plugins).find((plugin) => plugin.id === id);

const services: PluginHostServices = {
  executeCommand: (command, args) => executePluginCommand(command, args),
  log: logToPluginOutput,
};

/** The running session of a plugin, if any. */
export function runningSession(id: string): PluginSession | undefined {
  const session = sessions.get(id);
  return session && started.has(session) ? session : undefined;
}

/**
 * Starts a ready plugin's sandbox and activates it, once: later events find it running. Resolves
 * to undefined when it cannot run (not ready, given up on, failed to activate).
 */
export function activatePlugin(id: string, event: string): Promise<PluginSession | undefined> {
  const running = runningSession(id);
  if (running) return Promise.resolve(running);
  const pending = starting.get(id);
  if (pending) return pending;
  const plugin = findReady(id);
  if (!plugin || runStateOf(id) === 'failed') return Promise.resolve(undefined);
  clearTimeout(restartTimers.get(id));
  restartTimers.delete(id);
  const start = startPlugin(plugin, event).finally(() => starting.delete(id));
  starting.set(id, start);
  return start;
}

/** Open documents carry files' text: only a plugin granted `workspace.read` receives them. */
const readsDocuments = (plugin: PluginInfo): boolean => plugin.grantedPermissions.flags.includes('workspace.read');

async function initFor(plugin: ReadyPlugin): Promise<PluginInit> {
  const reads = readsDocuments(plugin);
  return {
    id: plugin.id,
    apiVersion: LATHE_API_VERSION,
    workspaceName: useAppStore.getState().info?.workspace?.name ?? null,
    configuration: contributedSettings(plugin.id, plugin.manifest),
    documents: reads ? await openDocuments() : [],
    activeEditor: reads ? activeEditorData() : null,
  };
}

async function startPlugin(plugin: ReadyPlugin, event: string): Promise<PluginSession | undefined> {
  setRunState(plugin.id, 'starting');
  logToPluginOutput(plugin.id, 'info', `Starting ${plugin.id} ${plugin.manifest.version} (${event})`);
  let session: PluginSession | undefined;
  try {
    const { text } = await host().plugins.code({ id: plugin.id });
    session = await PluginSession.open(plugin, text, {
      functions: (opening) => workbenchFunctions(opening, services),
      onError: (message) => workerFailed(plugin.id, message),
    });
    sessions.set(plugin.id, session);
    await session.runtime.start(await initFor(plugin));
    started.add(session);
    await session.runtime.activate();
    setRunState(plugin.id, 'active');
    logToPluginOutput(plugin.id, 'info', 'Activated');
    return session;
  } catch (error) {
    // A session ended meanwhile was ended by the watchdog or a stop, which say why themselves.
    if (session?.isClosed) return undefined;
    if (session) endSession(session);
    failed(plugin, `could not be activated: ${errorMessage(error)}`);
    return undefined;
  }
}

function failed(plugin: PluginInfo, why: string): void {
  logToPluginOutput(plugin.id, 'error', `The plugin ${why}`);
  setRunState(plugin.id, 'failed', why);
  notify({ severity: 'error', message: `The plugin ${nameOf(plugin)} ${why}` });
}

function endSession(session: PluginSession, why?: string): void {
  session.close(why);
  started.delete(session);
  if (sessions.get(session.pluginId) === session) sessions.delete(session.pluginId);
}

/** An error the worker could not report itself: before the runtime started, the script does not load at all. */
function workerFailed(id: string, message: string): void {
  const session = sessions.get(id);
  logToPluginOutput(id, 'error', message);
  if (!session) return;
  if (started.has(session)) {
    crashed(session, message);
    return;
  }
  endSession(session);
  failed(session.info, `could not be loaded: ${message}`);
}

/**
 * A session that stopped answering (or whose worker died with its process): stopped at once, then
 * restarted after the crash policy's delay, or given up on with a notification. A plugin that only
 * went down with the process another plugin crashed (`charged: false`) is restored, not counted.
 */
function crashed(session: PluginSession, why: string, charged = true): void {
  if (session.isClosed) return;
  const { info } = session;
  endSession(session, `The plugin ${nameOf(info)} stopped: ${why}`);
  const policy = policies.get(info.id) ?? pluginCrashes();
  policies.set(info.id, policy);
  const decision = charged ? policy.recordCrash() : ({ kind: 'restart', delayMs: heartbeatIntervalMs } as const);
  logToPluginOutput(info.id, 'error', `Stopped: ${why}`);
  if (decision.kind === 'give-up') {
    failed(info, `stopped ${decision.crashes} times in a few minutes (last: ${why}); it is not restarted again`);
    return;
  }
  setRunState(info.id, 'restarting', why);
  notify({ severity: 'warning', message: `The plugin ${nameOf(info)} was stopped (${why}); restarting it.` });
  restartTimers.set(
    info.id,
    setTimeout(() => {
      restartTimers.delete(info.id);
      if (runStateOf(info.id) === 'restarting') void activatePlugin(info.id, 'restart');
    }, decision.delayMs),
  );
}

/** Deactivates a plugin (a few seconds at most), then stops its worker and releases what it held. */
export async function stopPlugin(id: string): Promise<void> {
  clearTimeout(restartTimers.get(id));
  restartTimers.delete(id);
  await starting.get(id)?.catch(() => undefined);
  const session = sessions.get(id);
  if (session && started.has(session)) {
    const deadline = new Promise((resolve) => setTimeout(resolve, deactivateTimeoutMs));
    await Promise.race([session.runtime.deactivate().catch((error: unknown) => logToPluginOutput(id, 'warn', `deactivate failed: ${errorMessage(error)}`)), deadline]);
  }
  if (session) endSession(session, `The plugin ${nameOf(session.info)} was stopped`);
  if (runStateOf(id) !== 'inactive') {
    setRunState(id, 'inactive');
    logToPluginOutput(id, 'info', 'Stopped');
  }
}

/** A user's fresh start (reload, enable): earlier crashes are forgotten. */
export function forgetCrashes(id: string): void {
  policies.delete(id);
  if (runStateOf(id) === 'failed') setRunState(id, 'inactive');
}

/**
 * Runs a command for a plugin: a plugin command in the plugin that registered it, or, for one a
 * ready plugin contributes, in that plugin once activated (`onCommand:`). Of the workbench's
 * commands only those that show a view run: the others act with the user's full rights.
 */
export async function executePluginCommand(command: string, args: unknown[]): Promise<unknown> {
  if (command.startsWith('workbench.view.')) return runCommand(command);
  const contributor = readyPlugins(usePluginsStore.getState().plugins).find((plugin) => plugin.manifest.contributes.commands.some((entry) => entry.command === command));
  const handler = commandHandler(command) ?? (contributor && (await activatePlugin(contributor.id, `onCommand:${command}`)) ? commandHandler(command) : undefined);
  if (!handler) {
    if (contributor) throw new Error(`The plugin ${nameOf(contributor)} did not register its command ${command}`);
    throw new Error(`No plugin command ${command}: of the workbench's commands, plugins can run workbench.view.* only`);
  }
  return handler.runtime.runCommand(command, args);
}

/** Sends an event to the running plugins that may read documents; one that fails to take it is the watchdog's concern. */
function broadcastToReaders(send: (runtime: Pick<RuntimeFunctions, keyof RuntimeFunctions>) => unknown): void {
  for (const session of started) {
    if (!readsDocuments(session.info)) continue;
    try {
      void Promise.resolve(send(session.runtime)).catch(() => undefined);
    } catch {
      // The session closed between the loop's start and this send.
    }
  }
}

/**
 * One watchdog round, when a heartbeat is late. A worker that hangs (a loop) leaves its frame
 * answering: that plugin alone is stopped. When the frames stop answering, the plugin host process
 * died (a plugin exhausted its memory) and took every plugin with it: all are restarted, and the
 * crash counts against those whose heartbeat stopped before the others' (they were hung in the
 * runaway allocation), or against all when none stands out.
 */
async function checkHeartbeats(now: number): Promise<void> {
  const open = [...sessions.values()];
  if (!open.some((session) => now - session.lastBeat > heartbeatTimeoutMs)) return;
  const alive = await Promise.all(open.map((session) => session.frameAlive(heartbeatIntervalMs)));
  const dead = open.filter((_session, index) => !alive[index]);
  const newestBeat = Math.max(...dead.map((session) => session.lastBeat));
  const culprits = dead.filter((session) => newestBeat - session.lastBeat > 2 * heartbeatIntervalMs);
  for (const session of dead) {
    crashed(session, 'the plugin host process stopped (out of memory, or killed)', culprits.length === 0 || culprits.includes(session));
  }
  for (const session of open.filter((_session, index) => alive[index])) {
    if (now - session.lastBeat > heartbeatTimeoutMs) crashed(session, `no heartbeat for ${Math.round((now - session.lastBeat) / 1000)} s`);
  }
}

/**
 * Checks every second that each worker's heartbeat is recent. A check that itself ran late (the
 * tab was asleep, its timers throttled) proves nothing about the workers, and is skipped.
 */
export function startWatchdog(): () => void {
  let lastCheck = Date.now();
  let checking = false;
  const timer = setInterval(() => {
    const now = Date.now();
    const slept = now - lastCheck > 3 * heartbeatIntervalMs;
    lastCheck = now;
    if (slept) {
      for (const session of sessions.values()) session.beat();
      return;
    }
    if (checking) return;
    checking = true;
    void checkHeartbeats(now).finally(() => {
      checking = false;
    });
  }, heartbeatIntervalMs);
  const documents = followDocuments(broadcastToReaders);
  const hostEvents = host().plugins.onPluginEvent(({ plugin, event }) => void runningSession(plugin)?.runtime.hostEvent(event));
  const settings = followContributedSettings(() => {
    for (const session of started) void session.runtime.configurationChanged(contributedSettings(session.pluginId, session.info.manifest)).catch(() => undefined);
  });
  return () => {
    clearInterval(timer);
    documents.dispose();
    hostEvents.dispose();
    settings.dispose();
  };
}
