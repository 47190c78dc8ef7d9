import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import { contract, type FileChange, type PluginInfo, type PluginRequest } from '../../../../src-shared/contract';
import { Emitter } from '../../../../src-main/lib/emitter';
import { PluginsService, type PluginAi, type PluginTerminals } from '../../../../src-main/services/plugins';
import { findFiles, searchText } from '../../../../src-main/services/search';
import { EnvironmentSecretStore } from '../../../../src-main/services/secrets';
import { openDatabase, profileMigrations } from '../../../../src-main/services/storage';
import { WorkspaceService } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

export interface PluginsHarness {
  service: PluginsService;
  db: Database;
  /** Holds `workspace/`, `profile/` and anything a test adds; nothing may appear elsewhere. */
  scratch: string;
  workspaceRoot: string;
  userFolder: string;
  secretStore: EnvironmentSecretStore;
  fileChanges: Emitter<FileChange[]>;
  /** What reached the terminals and the AI: a refused call must leave these empty. */
  terminalCalls: string[];
  aiCalls: string[];
  /** A second service on the same profile and workspace (as after a restart, perhaps of another Lathe version). */
  restart(changes?: HarnessOptions): Promise<PluginsService>;
  /** Calls the gateway as the renderer would for `plugin`, parsing the request like the router. */
  call(plugin: string, request: PluginRequest): Promise<unknown>;
}

export interface HarnessOptions {
  builtinFolder?: string;
  apiVersion?: string;
  env?: NodeJS.ProcessEnv;
}

/** Recording stand-ins for the terminal host and the AI orchestrator (their own tests cover them). */
function recordingTerminals(calls: string[], closed: Emitter<{ terminals: { id: string; state: string }[] }>): PluginTerminals {
  let sequence = 0;
  const output = new Map<string, string>();
  return {
    create: async ({ name }) => {
      calls.push(`create ${name ?? ''}`);
      const id = `t${++sequence}`;
      output.set(id, '');
      return { id };
    },
    write: (id, data) => {
      calls.push(`write ${id} ${data}`);
      output.set(id, `${output.get(id) ?? ''}${data}`);
    },
    output: async (id) => output.get(id) ?? '',
    kill: async (id) => {
      calls.push(`kill ${id}`);
      output.delete(id);
      closed.fire({ terminals: [...output.keys()].map((terminalId) => ({ id: terminalId, state: 'running' })) });
    },
    onDidChangeTerminals: closed.event,
  };
}

function recordingAi(calls: string[]): PluginAi {
  return {
    chat: async ({ messages }) => {
      calls.push(`chat ${messages.at(-1)?.content ?? ''}`);
      return { text: 'answer', answeredBy: { provider: 'local', model: 'tiny' }, finishReason: 'stop' };
    },
    complete: async ({ prefix }) => {
      calls.push(`complete ${prefix}`);
      return { text: '}', answeredBy: { provider: 'local', model: 'tiny' }, finishReason: 'stop' };
    },
  };
}

/** A plugin service on a fresh profile and workspace, with real SQLite, files, path guard and search. */
export async function startPlugins(options: HarnessOptions = {}): Promise<PluginsHarness> {
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'lathe-plugins-')));
  const workspaceRoot = join(scratch, 'workspace');
  mkdirSync(join(workspaceRoot, 'src'), { recursive: true });
  writeFileSync(join(workspaceRoot, 'README.md'), '# demo\n');
  writeFileSync(join(workspaceRoot, 'src', 'main.rs'), 'fn main() {\n    // TODO: greet\n}\n');
  const profile = join(scratch, 'profile');
  const userFolder = join(profile, 'plugins');
  const { db } = openDatabase(join(profile, 'lathe.db'), profileMigrations, silentLogger);
  const workspace = await WorkspaceService.open(workspaceRoot);
  const secretStore = new EnvironmentSecretStore({});
  const fileChanges = new Emitter<FileChange[]>();
  const terminalCalls: string[] = [];
  const aiCalls: string[] = [];
  const create = async (changes: HarnessOptions = {}): Promise<PluginsService> => {
    const { builtinFolder, apiVersion, env } = { ...options, ...changes };
    const service = new PluginsService({
      db,
      builtinFolder: builtinFolder ?? null,
      userFolder,
      workspace: {
        id: workspace.id,
        guard: workspace.guard,
        files: workspace,
        findFiles: (limit, signal) => findFiles({ root: workspaceRoot, limit, excludes: {}, signal }),
        searchText: (input, signal) => searchText({ ...input, root: workspaceRoot, excludes: {}, signal }),
        onDidChangeFiles: fileChanges.event,
      },
      terminals: recordingTerminals(terminalCalls, new Emitter()),
      ai: recordingAi(aiCalls),
      secrets: secretStore,
      logger: silentLogger,
      ...(apiVersion ? { apiVersion } : {}),
      ...(env ? { env } : {}),
    });
    await service.start();
    return service;
  };
  const harness: PluginsHarness = {
    service: await create(),
    db,
    scratch,
    workspaceRoot,
    userFolder,
    secretStore,
    fileChanges,
    terminalCalls,
    aiCalls,
    restart: create,
    call: async (plugin, request) => {
      const input = contract.plugins.call.input.parse({ plugin, request });
      const response = await harness.service.call(input.plugin, input.request, new AbortController().signal);
      return contract.plugins.call.output.parse(response).result;
    },
  };
  return harness;
}

export interface PluginSpec {
  name: string;
  publisher?: string;
  version?: string;
  engines?: string;
  permissions?: unknown[];
  contributes?: Record<string, unknown>;
  main?: string;
}

/** Writes a plugin folder (package.json and its main script) and answers its path. */
export function writePlugin(parent: string, spec: PluginSpec, folderName = spec.name): string {
  const folder = join(parent, folderName);
  const main = 'dist/extension.js';
  mkdirSync(join(folder, dirname(main)), { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: spec.name,
      publisher: spec.publisher ?? 'acme',
      version: spec.version ?? '1.0.0',
      engines: { lathe: spec.engines ?? '^1.0.0' },
      main,
      ...(spec.contributes ? { contributes: spec.contributes } : {}),
      permissions: spec.permissions ?? [],
    }),
  );
  writeFileSync(join(folder, main), spec.main ?? `export function activate() { return '${spec.name}'; }\n`);
  return folder;
}

/** Installs a plugin folder and approves what it asks for, as the user would in the Plugins view. */
export async function installApproved(harness: PluginsHarness, folder: string): Promise<PluginInfo> {
  const { plugin } = await harness.service.install(folder);
  const approved = harness.service.approve(plugin.id, plugin.requestedPermissions);
  expect(approved.state).toBe('ready');
  return approved;
}

/** Every file under a folder, `/`-separated and sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1).split('\\').join('/'))
    .sort();
}

export function removeScratch(harness: PluginsHarness): void {
  harness.service.dispose();
  harness.db.close();
  rmSync(harness.scratch, { recursive: true, force: true });
}
