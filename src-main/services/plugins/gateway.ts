import type { z } from 'zod';
import {
  LatheError,
  pluginApiCalls,
  type Disposable,
  type FileChange,
  type PluginEvent,
  type PluginMethod,
  type PluginResponse,
  type PluginResult,
  type TextSearchChunk,
} from '../../../src-shared/contract';
import { pathMatcher } from '../../../src-shared/globs';
import { hasPermission, type PluginPermissionKind, type PluginPermissions } from '../../../src-shared/plugins/permissions';
import { findExecutable } from '../../lib/find-executable';
import { fetchForPlugin } from './network-fetch';
import { permissionDenied } from './permission-denied';
import type { PluginSecrets } from './plugin-secrets';
import type { PluginStorage } from './plugin-storage';
import { pluginProcessEnv, runProcess } from './process-runner';

/** The parameters of a member as the contract's schema produced them (defaults filled in). */
export type CallParams<M extends PluginMethod> = z.output<(typeof pluginApiCalls)[M]['params']>;

/**
 * The open folder as plugins reach it. Every path a plugin gives passes `guard` first; `files` are
 * the workspace service's own operations (which guard their paths again).
 */
export interface PluginWorkspace {
  /** Names the folder's `workspace` storage scope. */
  id: string;
  guard: {
    /** Checks a path's text: the normalized `/` form, or OUTSIDE_WORKSPACE. */
    normalize(path: string): string;
    /** The absolute path inside the workspace, symlinks followed, or OUTSIDE_WORKSPACE. */
    resolve(path: string): Promise<string>;
  };
  files: {
    readFile(path: string): Promise<PluginResult<'workspace.readFile'>>;
    stat(path: string): Promise<PluginResult<'workspace.stat'>>;
    list(path: string): Promise<PluginResult<'workspace.readDirectory'>>;
    writeFile(path: string, content: string, encoding: CallParams<'workspace.writeFile'>['encoding']): Promise<PluginResult<'workspace.writeFile'>>;
    createFolder(path: string, options: { parents: boolean }): Promise<void>;
    rename(from: string, to: string, overwrite: boolean): Promise<void>;
    delete(path: string, useTrash: boolean): Promise<unknown>;
  };
  /** Every file of the workspace (ripgrep's `--files`, honouring .gitignore and `files.exclude`). */
  findFiles(limit: number, signal: AbortSignal): Promise<PluginResult<'workspace.findFiles'>>;
  searchText(input: CallParams<'workspace.textSearch'>, signal: AbortSignal): AsyncIterable<TextSearchChunk>;
  onDidChangeFiles(listener: (changes: FileChange[]) => void): Disposable;
}

export interface PluginTerminals {
  /** Starts the default profile's shell in a workspace folder. */
  create(input: { name?: string | undefined; cwd?: string | undefined }): Promise<{ id: string }>;
  write(id: string, data: string): void;
  /** The recent output a reattaching client would be replayed. */
  output(id: string): Promise<string>;
  kill(id: string): Promise<void>;
  onDidChangeTerminals(listener: (payload: { terminals: { id: string; state: string }[] }) => void): Disposable;
}

/** The AI orchestrator, answering whole (a plugin's request is not streamed). */
export interface PluginAi {
  chat(input: CallParams<'ai.chat'>, signal: AbortSignal): Promise<PluginResult<'ai.chat'>>;
  complete(input: CallParams<'ai.complete'>, signal: AbortSignal): Promise<PluginResult<'ai.complete'>>;
}

/** A plugin allowed to call: enabled, approved, and the permissions its manifest asks for (all granted). */
export interface CallingPlugin {
  id: string;
  permissions: PluginPermissions;
}

export interface PluginGatewayOptions {
  workspace: PluginWorkspace | null;
  terminals: PluginTerminals | null;
  ai: PluginAi | null;
  storage: PluginStorage;
  secrets: PluginSecrets;
  /** Pushes an event to one plugin. */
  emit(pluginId: string, event: PluginEvent): void;
  /** Where `process.run` looks programs up (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

/** `workspace.findFiles` filters this many of the workspace's files at most by its globs. */
const findFilesScanLimit = 200_000;

type Handler<M extends PluginMethod> = (plugin: CallingPlugin, params: CallParams<M>, signal: AbortSignal) => Promise<PluginResult<M>> | PluginResult<M>;

/**
 * Serves plugin API calls: checks the member's permission against the calling plugin's grant, then
 * does the work with the plugin id as the key of everything it touches (storage, secrets, terminals).
 */
export class PluginGateway {
  private readonly watchers = new Set<string>();
  /** Terminal id → the plugin that created it: a plugin sees only its own. */
  private readonly terminalOwners = new Map<string, string>();
  private readonly subscriptions: Disposable[] = [];
  private readonly handlers: { [M in PluginMethod]: Handler<M> };

  constructor(private readonly options: PluginGatewayOptions) {
    const fileSubscription = options.workspace?.onDidChangeFiles((changes) => {
      for (const pluginId of this.watchers) options.emit(pluginId, { kind: 'workspace.didChangeFiles', changes });
    });
    if (fileSubscription) this.subscriptions.push(fileSubscription);
    const terminalSubscription = options.terminals?.onDidChangeTerminals(({ terminals }) => this.terminalsChanged(terminals));
    if (terminalSubscription) this.subscriptions.push(terminalSubscription);
    this.handlers = this.createHandlers();
  }

  async call(plugin: CallingPlugin, request: { method: PluginMethod; params: unknown }, signal: AbortSignal): Promise<PluginResponse> {
    const permission = pluginApiCalls[request.method].permission;
    if (permission) requirePermission(plugin, permission, request.method);
    const handler = this.handlers[request.method] as Handler<PluginMethod>;
    const result = await handler(plugin, request.params as CallParams<PluginMethod>, signal);
    return { method: request.method, result } as PluginResponse;
  }

  /** The plugin stopped (disabled, reloaded, uninstalled): it no longer receives events, and its terminals are the user's now. */
  forget(pluginId: string): void {
    this.watchers.delete(pluginId);
    for (const [terminalId, owner] of this.terminalOwners) if (owner === pluginId) this.terminalOwners.delete(terminalId);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.watchers.clear();
  }

  private createHandlers(): { [M in PluginMethod]: Handler<M> } {
    const { storage, secrets } = this.options;
    return {
      'workspace.readFile': async (_plugin, { path }) => this.files().readFile(await this.checkedPath(path)),
      'workspace.stat': async (_plugin, { path }) => this.files().stat(await this.checkedPath(path)),
      'workspace.readDirectory': async (_plugin, { path }) => this.files().list(await this.checkedPath(path)),
      'workspace.findFiles': async (_plugin, { include, exclude, limit }, signal) => {
        const everything = await this.requireWorkspace().findFiles(findFilesScanLimit, signal);
        const included = include ? pathMatcher([include]) : () => true;
        const excluded = exclude ? pathMatcher([exclude]) : () => false;
        const paths = everything.paths.filter((path) => included(path) && !excluded(path));
        return { paths: paths.slice(0, limit), truncated: everything.truncated || paths.length > limit };
      },
      'workspace.textSearch': async (_plugin, input, signal) => {
        const files: PluginResult<'workspace.textSearch'>['files'] = [];
        for await (const chunk of this.requireWorkspace().searchText(input, signal)) {
          if (chunk.kind === 'files') files.push(...chunk.files);
          else return { files, fileCount: chunk.fileCount, matchCount: chunk.matchCount, truncated: chunk.truncated };
        }
        throw new LatheError('CANCELLED', 'The search stopped before it finished');
      },
      'workspace.watchFiles': (plugin) => {
        this.requireWorkspace();
        this.watchers.add(plugin.id);
      },
      'workspace.unwatchFiles': (plugin) => {
        this.watchers.delete(plugin.id);
      },
      'workspace.writeFile': async (_plugin, { path, content, encoding }) => this.files().writeFile(await this.checkedPath(path), content, encoding),
      'workspace.createDirectory': async (_plugin, { path }) => this.files().createFolder(await this.checkedPath(path), { parents: true }),
      'workspace.rename': async (_plugin, { from, to, overwrite }) => this.files().rename(await this.checkedPath(from), await this.checkedPath(to), overwrite),
      'workspace.delete': async (_plugin, { path }) => {
        await this.files().delete(await this.checkedPath(path), true);
      },
      'workspace.checkEdit': async (_plugin, { paths }) => ({ paths: await Promise.all(paths.map((path) => this.checkedPath(path))) }),

      'terminal.create': async (plugin, { name, cwd }) => {
        const cwdPath = cwd === undefined ? undefined : await this.checkedPath(cwd);
        const { id } = await this.requireTerminals().create({ name: name ?? plugin.id, cwd: cwdPath });
        this.terminalOwners.set(id, plugin.id);
        return { terminalId: id };
      },
      'terminal.sendText': (plugin, { terminalId, text, addNewLine }) => this.requireTerminals().write(this.ownTerminal(plugin, terminalId), addNewLine ? `${text}\r` : text),
      'terminal.readOutput': async (plugin, { terminalId }) => ({ text: await this.requireTerminals().output(this.ownTerminal(plugin, terminalId)) }),
      'terminal.dispose': async (plugin, { terminalId }) => {
        await this.requireTerminals().kill(this.ownTerminal(plugin, terminalId));
        this.terminalOwners.delete(terminalId);
      },

      'process.run': async (plugin, params, signal) => {
        if (!plugin.permissions.process.includes(params.command)) {
          throw permissionDenied(plugin.id, `process: ${params.command}`, 'process.run', `${params.command} is not one of the programs it declares (${plugin.permissions.process.join(', ')})`);
        }
        const cwd = await this.requireWorkspace().guard.resolve(params.cwd);
        const env = pluginProcessEnv(this.options.env ?? process.env);
        const executable = await findExecutable(params.command, env);
        if (!executable) throw new LatheError('NOT_FOUND', `${params.command} was not found on the PATH`);
        return runProcess({ executable, args: params.args, cwd, stdin: params.stdin, timeoutMs: params.timeoutMs, maxOutputBytes: params.maxOutputBytes, env, signal });
      },
      'network.fetch': (plugin, params, signal) => fetchForPlugin(plugin.id, params, plugin.permissions.network, signal),

      'ai.chat': (_plugin, params, signal) => this.requireAi().chat(params, signal),
      'ai.complete': (_plugin, params, signal) => this.requireAi().complete(params, signal),

      'storage.get': (plugin, { key, scope }) => storage.get(plugin.id, this.storageScope(scope), key) as PluginResult<'storage.get'>,
      'storage.set': (plugin, { key, scope, value }) => storage.set(plugin.id, this.storageScope(scope), key, value),
      'storage.delete': (plugin, { key, scope }) => storage.delete(plugin.id, this.storageScope(scope), key),
      'storage.keys': (plugin, { scope }) => storage.keys(plugin.id, this.storageScope(scope)),

      'secrets.get': (plugin, { key }) => secrets.get(plugin.id, key),
      'secrets.set': (plugin, { key, value }) => secrets.set(plugin.id, key, value),
      'secrets.delete': (plugin, { key }) => secrets.delete(plugin.id, key),

      // The permission check above is the whole answer: the renderer touches the clipboard itself.
      'clipboard.check': () => undefined,
    };
  }

  private requireWorkspace(): PluginWorkspace {
    if (!this.options.workspace) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return this.options.workspace;
  }

  private files(): PluginWorkspace['files'] {
    return this.requireWorkspace().files;
  }

  /** A plugin's path through the path guard, symlinks included; the normalized relative form goes on. */
  private async checkedPath(path: string): Promise<string> {
    const { guard } = this.requireWorkspace();
    await guard.resolve(path);
    return guard.normalize(path);
  }

  private requireTerminals(): PluginTerminals {
    if (!this.options.terminals) throw new LatheError('UNAVAILABLE', 'Terminals are not available');
    return this.options.terminals;
  }

  private requireAi(): PluginAi {
    if (!this.options.ai) throw new LatheError('UNAVAILABLE', 'AI is not available');
    return this.options.ai;
  }

  private ownTerminal(plugin: CallingPlugin, terminalId: string): string {
    if (this.terminalOwners.get(terminalId) !== plugin.id) throw new LatheError('NOT_FOUND', `The plugin ${plugin.id} has no terminal ${terminalId}`);
    return terminalId;
  }

  private storageScope(scope: 'global' | 'workspace'): string {
    return scope === 'global' ? 'global' : `workspace:${this.requireWorkspace().id}`;
  }

  private terminalsChanged(terminals: { id: string; state: string }[]): void {
    const running = new Set(terminals.filter((terminal) => terminal.state === 'running').map((terminal) => terminal.id));
    for (const [terminalId, pluginId] of this.terminalOwners) {
      if (running.has(terminalId)) continue;
      this.terminalOwners.delete(terminalId);
      this.options.emit(pluginId, { kind: 'terminal.didClose', terminalId });
    }
  }
}

function requirePermission(plugin: CallingPlugin, permission: PluginPermissionKind, method: PluginMethod): void {
  if (!hasPermission(plugin.permissions, permission)) throw permissionDenied(plugin.id, permission, method, 'it was not granted');
}
