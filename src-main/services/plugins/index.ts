import { randomUUID } from 'node:crypto';
import { readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { LatheError, type PluginEvent, type PluginInfo, type PluginMethod, type PluginResponse, type PluginStep, type PluginStepAnswer, type PluginStepRequest } from '../../../src-shared/contract';
import { LATHE_API_VERSION } from '../../../src-shared/plugins/api-version';
import { activationEvents, engineMismatch } from '../../../src-shared/plugins/manifest';
import {
  isEmptyPermissions,
  noPermissions,
  requestedPermissions,
  samePermissions,
  uncoveredPermissions,
  type PluginPermissions,
} from '../../../src-shared/plugins/permissions';
import { Emitter } from '../../lib/emitter';
import { discoverPlugins, type PluginFolder } from './discovery';
import { PluginGateway, type PluginAi, type PluginTerminals, type PluginWorkspace } from './gateway';
import { stagePlugin } from './install';
import { PluginApprovals, type PluginApproval } from './plugin-approvals';
import { PluginSecrets, type SecretAccess } from './plugin-secrets';
import { PluginStorage } from './plugin-storage';
import { PluginStepRequests } from './step-requests';

export { pluginAiFrom, type AiOrchestrator } from './ai-adapter';
export type { PluginAi, PluginTerminals, PluginWorkspace } from './gateway';
export type { SecretAccess } from './plugin-secrets';

export interface PluginsServiceOptions {
  db: Database;
  /** The app's `plugins/` folder (built-in plugins), or null when this build has none. */
  builtinFolder: string | null;
  /** Where installed plugins live: `<userData>/plugins`, one folder per `publisher.name`. */
  userFolder: string;
  workspace: PluginWorkspace | null;
  terminals: PluginTerminals | null;
  ai: PluginAi | null;
  secrets: SecretAccess;
  logger: Logger;
  /** The API version plugins are checked against (tests pass an older or newer one). */
  apiVersion?: string;
  /** The environment `process.run` starts programs from. */
  env?: NodeJS.ProcessEnv;
}

/** The largest main script handed to the plugin host. */
const maxScriptBytes = 20 * 1024 * 1024;

/** Built-in plugins ship with Lathe: they are approved for what their manifest asks, and can only be disabled. */
const builtInApproval = (approval: PluginApproval, requested: PluginPermissions): PluginApproval => ({ ...approval, approved: true, granted: requested });

/**
 * The plugins of this profile: built-in ones from the app and those the user installed, their
 * manifests read without running any code, the user's approvals, and the gateway through which
 * running plugins reach the IDE. Plugin code never runs here: the workbench's sandbox runs it.
 */
export class PluginsService {
  private builtins = new Map<string, PluginFolder>();
  private users = new Map<string, PluginFolder>();
  private readonly approvals: PluginApprovals;
  private readonly storage: PluginStorage;
  private readonly secrets: PluginSecrets;
  private readonly gateway: PluginGateway;
  private readonly pluginChanges = new Emitter<{ plugins: PluginInfo[] }>();
  private readonly pluginEvents = new Emitter<{ plugin: string; event: PluginEvent }>();
  private readonly steps = new PluginStepRequests();
  /** Installs, uninstalls and reloads run one at a time: each moves folders and rescans. */
  private pending: Promise<unknown> = Promise.resolve();

  readonly onDidChangePlugins = this.pluginChanges.event;
  readonly onPluginEvent = this.pluginEvents.event;

  constructor(private readonly options: PluginsServiceOptions) {
    this.approvals = new PluginApprovals(options.db);
    this.storage = new PluginStorage(options.db);
    this.secrets = new PluginSecrets(options.secrets, options.db);
    this.gateway = new PluginGateway({
      workspace: options.workspace,
      terminals: options.terminals,
      ai: options.ai,
      storage: this.storage,
      secrets: this.secrets,
      emit: (plugin, event) => this.pluginEvents.fire({ plugin, event }),
      ...(options.env ? { env: options.env } : {}),
    });
  }

  async start(): Promise<void> {
    await this.scan();
  }

  list(): PluginInfo[] {
    return [...this.builtins.values(), ...this.users.values()].map((plugin) => this.info(plugin));
  }

  /** Installs or updates a plugin from a folder or archive; it runs only once `approve`d. */
  install(path: string): Promise<{ plugin: PluginInfo; permissionsToApprove: PluginPermissions }> {
    return this.serially(async () => {
      const staging = join(this.options.userFolder, '.staging', randomUUID());
      try {
        const staged = await stagePlugin(path, staging);
        const mismatch = engineMismatch(staged.manifest, this.apiVersion);
        if (mismatch) throw new LatheError('UNSUPPORTED', mismatch);
        if (this.builtins.has(staged.id)) throw new LatheError('CONFLICT', `${staged.id} is a built-in plugin and cannot be replaced`);
        await this.replaceFolder(staging, join(this.options.userFolder, staged.id));
        this.gateway.forget(staged.id);
        await this.scan();
        const plugin = this.info(this.find(staged.id));
        this.options.logger.info({ plugin: staged.id, version: staged.manifest.version }, 'plugin installed');
        this.changed();
        const approved = this.approvals.get(staged.id).approved;
        return { plugin, permissionsToApprove: approved ? uncoveredPermissions(plugin.requestedPermissions, plugin.grantedPermissions) : plugin.requestedPermissions };
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    });
  }

  /** Grants exactly what the manifest asks for, provided the user saw the same list. */
  approve(id: string, permissions: PluginPermissions): PluginInfo {
    const plugin = this.find(id);
    const info = this.info(plugin);
    if (plugin.source === 'builtin') return info;
    if (!plugin.manifest) throw new LatheError('CONFLICT', `${id} cannot be approved: ${info.errors.join('; ')}`);
    if (!samePermissions(permissions, info.requestedPermissions)) {
      throw new LatheError('CONFLICT', `The permissions of ${id} changed since they were shown; review them again`, { requested: info.requestedPermissions });
    }
    this.approvals.approve(id, info.requestedPermissions);
    this.options.logger.info({ plugin: id, permissions: info.requestedPermissions }, 'plugin approved');
    this.changed();
    return this.info(plugin);
  }

  setEnabled(id: string, enabled: boolean): PluginInfo {
    const plugin = this.find(id);
    this.approvals.setEnabled(id, enabled);
    if (!enabled) this.gateway.forget(id);
    this.changed();
    return this.info(plugin);
  }

  /** Removes a user plugin with its approval, storage and secrets. */
  uninstall(id: string): Promise<void> {
    return this.serially(async () => {
      const plugin = this.find(id);
      if (plugin.source === 'builtin') throw new LatheError('UNSUPPORTED', `${id} is built into Lathe; it can be disabled, not uninstalled`);
      this.gateway.forget(id);
      await rm(plugin.folder, { recursive: true, force: true });
      this.approvals.forget(id);
      this.storage.clear(id);
      await this.secrets.clear(id);
      await this.scan();
      this.options.logger.info({ plugin: id }, 'plugin uninstalled');
      this.changed();
    });
  }

  /** Reads the plugins' folders again; the workbench restarts the plugin from what is there now. */
  reload(id: string): Promise<PluginInfo> {
    return this.serially(async () => {
      this.find(id);
      this.gateway.forget(id);
      await this.scan();
      this.changed();
      return this.info(this.find(id));
    });
  }

  /** The main script of a ready plugin, read from inside its folder only. */
  async code(id: string): Promise<{ text: string }> {
    const { folder, manifest } = this.requireReady(id, 'code');
    const [root, script] = await Promise.all([realpath(folder), realpath(join(folder, manifest.main))]);
    const inside = relative(root, script);
    if (inside.startsWith(`..${sep}`) || inside === '..' || inside === '') throw new LatheError('PERMISSION_DENIED', `The main script of ${id} lies outside its folder`);
    if ((await stat(script)).size > maxScriptBytes) throw new LatheError('TOO_LARGE', `The main script of ${id} is larger than ${maxScriptBytes / 1024 / 1024} MB`);
    return { text: await readFile(script, 'utf8') };
  }

  /**
   * An API call of a running plugin. `pluginId` comes from the port the call came through; every
   * check (ready, permission, storage and secret namespaces, terminal ownership) is keyed by it.
   */
  call(pluginId: string, request: { method: PluginMethod; params: unknown }, signal: AbortSignal): Promise<PluginResponse> {
    const plugin = this.requireReady(pluginId, request.method);
    return this.gateway.call({ id: pluginId, permissions: requestedPermissions(plugin.manifest.permissions) }, request, signal);
  }

  /** The pipeline steps this connection's workbench is to run in its plugins (see `runStep`). */
  stepRequests(connectionId: string, signal: AbortSignal): AsyncIterable<PluginStepRequest> {
    return this.steps.serve(connectionId, signal);
  }

  /**
   * Runs a pipeline step of a kind the plugin registered, in the plugin: through the workbench
   * that hosts it. Fails at once when the plugin cannot run or no workbench is open.
   */
  runStep(
    request: { plugin: string; kind: string; step: PluginStep },
    log: (line: string) => void,
    signal: AbortSignal,
  ): Promise<{ outputs: Record<string, string> }> {
    const plugin = this.builtins.get(request.plugin) ?? this.users.get(request.plugin);
    if (!plugin) return Promise.reject(new LatheError('NOT_FOUND', `No plugin ${request.plugin} is installed`));
    const { state, errors } = this.info(plugin);
    if (state !== 'ready') {
      const why = state === 'needs-approval' ? 'it waits for the user to approve its permissions' : state === 'disabled' ? 'it is disabled' : `it is ${state}: ${errors.join('; ')}`;
      return Promise.reject(new LatheError('UNAVAILABLE', `The plugin ${request.plugin} cannot run the step: ${why}`));
    }
    return this.steps.run(request.plugin, request.kind, request.step, log, signal);
  }

  /** A log line of a step this connection was asked to run. */
  stepLog(connectionId: string, plugin: string, requestId: string, line: string): void {
    this.steps.log(connectionId, plugin, requestId, line);
  }

  /** The answer to a step this connection was asked to run. */
  completeStep(connectionId: string, answer: PluginStepAnswer): void {
    this.steps.complete(connectionId, answer);
  }

  dispose(): void {
    this.gateway.dispose();
    this.pluginChanges.dispose();
    this.pluginEvents.dispose();
  }

  private get apiVersion(): string {
    return this.options.apiVersion ?? LATHE_API_VERSION;
  }

  private async scan(): Promise<void> {
    // A folder that cannot be read leaves its plugins out; it must not keep the IDE from starting.
    const discover = (folder: string, source: PluginInfo['source']): Promise<PluginFolder[]> =>
      discoverPlugins(folder, source).catch((error: unknown) => {
        this.options.logger.warn({ err: error, folder }, 'plugins folder could not be read');
        return [];
      });
    const [builtins, users] = await Promise.all([
      this.options.builtinFolder ? discover(this.options.builtinFolder, 'builtin') : [],
      discover(this.options.userFolder, 'user'),
    ]);
    this.builtins = new Map(builtins.map((plugin) => [plugin.id, plugin]));
    this.users = new Map(
      users.map((plugin) => [
        plugin.id,
        this.builtins.has(plugin.id) ? { ...plugin, manifest: null, errors: [`${plugin.id} is also a built-in plugin; uninstall this copy`] } : plugin,
      ]),
    );
  }

  private find(id: string): PluginFolder {
    const plugin = this.builtins.get(id) ?? this.users.get(id);
    if (!plugin) throw new LatheError('NOT_FOUND', `No plugin ${id} is installed`);
    return plugin;
  }

  private requireReady(id: string, call: string): PluginFolder & { manifest: NonNullable<PluginFolder['manifest']> } {
    const plugin = this.find(id);
    const info = this.info(plugin);
    if (info.state !== 'ready' || !plugin.manifest) {
      const why = info.state === 'needs-approval' ? 'it waits for the user to approve its permissions' : `it is ${info.state}`;
      throw new LatheError('PERMISSION_DENIED', `The plugin ${id} may not call ${call}: ${why}`, { plugin: id, call, state: info.state });
    }
    return { ...plugin, manifest: plugin.manifest };
  }

  private info(plugin: PluginFolder): PluginInfo {
    const { manifest } = plugin;
    const requested = manifest ? requestedPermissions(manifest.permissions) : noPermissions;
    const stored = this.approvals.get(plugin.id);
    const approval = plugin.source === 'builtin' ? builtInApproval(stored, requested) : stored;
    const mismatch = manifest ? engineMismatch(manifest, this.apiVersion) : null;
    const needsApproval = !approval.approved || !isEmptyPermissions(uncoveredPermissions(requested, approval.granted));
    const state: PluginInfo['state'] =
      !manifest || plugin.errors.length > 0 ? 'invalid' : mismatch ? 'incompatible' : !approval.enabled ? 'disabled' : needsApproval ? 'needs-approval' : 'ready';
    return {
      id: plugin.id,
      source: plugin.source,
      enabled: approval.enabled,
      state,
      manifest,
      activationEvents: manifest ? activationEvents(manifest) : [],
      requestedPermissions: requested,
      grantedPermissions: approval.granted,
      errors: mismatch ? [...plugin.errors, mismatch] : plugin.errors,
    };
  }

  /** Puts a staged plugin in place of the installed one, keeping the old folder until the new one is there. */
  private async replaceFolder(staging: string, target: string): Promise<void> {
    const previous = join(this.options.userFolder, '.staging', `${randomUUID()}-previous`);
    const hadPrevious = await rename(target, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  }

  private changed(): void {
    this.pluginChanges.fire({ plugins: this.list() });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.pending.then(work);
    this.pending = result.catch(() => undefined);
    return result;
  }
}
