import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import {
  defaultSettings,
  LatheError,
  settingsRegistry,
  type Disposable,
  type SettingKey,
  type SettingsSnapshot,
  type SettingsTarget,
  type SettingsValues,
} from '../../../src-shared/contract';
import { writeFileAtomic } from '../../lib/atomic-write';
import { Emitter } from '../../lib/emitter';
import { editSettingsText } from './edit-settings-file';
import { deepFreeze, mergeLayers } from './merge-layers';
import { emptyLayer, isSettingKey, readSettingsLayer, readSettingsText, type SettingsLayer } from './parse-settings-file';
import { collectPluginSettings, type InstalledPlugins, type PluginSettings } from './plugin-settings';
import { watchFile, type FileWatch } from './watch-file';

export interface SettingsServiceOptions {
  /** `<profile>/settings.json` */
  userFile: string;
  /** `<workspace>/.lathe/settings.json`, or null when no folder is open. */
  workspaceFile: string | null;
  /** Their manifests' `contributes.configuration` are settings too, checked like the built-in ones. */
  plugins: InstalledPlugins;
  logger: Logger;
}

export type { InstalledPlugins } from './plugin-settings';

export interface SettingsUpdate {
  /** A built-in setting, or one an installed plugin contributes. */
  key: string;
  /** Checked against the key's schema; `undefined` removes the key from the file. */
  value?: unknown;
  target: SettingsTarget;
}

/**
 * The user's and the workspace's settings.json, validated against the registry (and the settings
 * installed plugins contribute) and layered over the defaults. The files belong to the user: they are read and watched, and written only by
 * `update()`, which edits the text in place so comments and formatting survive.
 */
export class SettingsService {
  private readonly logger: Logger;
  private readonly changes: Emitter<SettingsSnapshot>;
  private current: SettingsSnapshot;
  private pluginSettings: PluginSettings;
  private pluginSubscription: Disposable | undefined;
  private currentJson: string;
  private watches: FileWatch[] = [];
  private started = false;
  private disposed = false;
  private reloadChain: Promise<void> = Promise.resolve();
  private queuedReload: Promise<void> | undefined;
  private writeChain: Promise<void> = Promise.resolve();

  constructor(private readonly options: SettingsServiceOptions) {
    this.logger = options.logger;
    this.changes = new Emitter((error) => this.logger.error({ err: error }, 'a settings listener failed'));
    this.pluginSettings = collectPluginSettings(options.plugins.list());
    this.current = this.build(emptyLayer, emptyLayer, this.pluginSettings);
    this.currentJson = JSON.stringify(this.current);
  }

  /** Reads both files and starts watching them. */
  async start(): Promise<void> {
    if (this.started || this.disposed) return;
    this.started = true;
    const files = [this.options.userFile, this.options.workspaceFile].filter((file): file is string => file !== null);
    this.watches = files.map((file) =>
      watchFile(file, () => void this.reload().catch(() => undefined), { logger: this.logger }),
    );
    // Installed or removed plugins change which keys are valid: the files are checked again.
    this.pluginSubscription = this.options.plugins.onDidChangePlugins(() => {
      this.pluginSettings = collectPluginSettings(this.options.plugins.list());
      void this.reload().catch(() => undefined);
    });
    // Watch first, read second: a change between the two is then seen by the watcher.
    await Promise.all(this.watches.map((watch) => watch.ready));
    await this.reload();
  }

  snapshot(): SettingsSnapshot {
    return this.current;
  }

  get<K extends SettingKey>(key: K): SettingsValues[K] {
    return this.current.values[key];
  }

  async update(input: SettingsUpdate): Promise<void> {
    const { key, target } = input;
    const definition = isSettingKey(key) ? settingsRegistry[key] : this.pluginSettings.definitions.get(key);
    if (!definition) throw new LatheError('INVALID_INPUT', `Unknown setting "${String(key)}"`);
    if (target === 'workspace' && definition.scope === 'application') {
      throw new LatheError('INVALID_INPUT', `"${key}" can only be set in user settings`);
    }
    const file = target === 'workspace' ? this.options.workspaceFile : this.options.userFile;
    if (file === null) throw new LatheError('UNAVAILABLE', 'No folder is open, so there are no workspace settings');
    let value: unknown;
    if (input.value !== undefined) {
      const result = definition.schema.safeParse(input.value);
      if (!result.success) {
        throw new LatheError('INVALID_INPUT', `${key}: ${result.error.issues[0]?.message ?? 'Invalid value'}`);
      }
      value = result.data;
    }
    if (this.disposed) throw new LatheError('UNAVAILABLE', 'Settings are no longer available');

    // One write at a time, so two updates of the same file cannot lose each other's edit.
    const write = this.writeChain.then(() => this.writeSetting(file, key, value));
    this.writeChain = write.catch(() => undefined);
    await write;
    this.logger.debug({ key, target, removed: value === undefined }, 'setting updated');
    await this.reload();
  }

  onChanged(listener: (snapshot: SettingsSnapshot) => void): Disposable {
    return this.changes.event(listener);
  }

  /** Stops watching; pending reads finish without notifying anyone. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.pluginSubscription?.dispose();
    for (const watch of this.watches) watch.dispose();
    this.watches = [];
    await Promise.all([this.reloadChain, this.writeChain]);
    this.changes.dispose();
  }

  private async writeSetting(file: string, key: string, value: unknown): Promise<void> {
    try {
      const next = editSettingsText(await readSettingsText(file), key, value);
      if (next === null) return;
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, next);
    } catch (error) {
      throw toLatheError(error, file);
    }
  }

  /** Reads both files again; a reload asked for while one is waiting to start shares that one. */
  private reload(): Promise<void> {
    if (this.queuedReload) return this.queuedReload;
    const run = this.reloadChain.then(() => {
      this.queuedReload = undefined;
      return this.readAndApply();
    });
    this.queuedReload = run;
    this.reloadChain = run.catch((error: unknown) => this.logger.warn({ err: error }, 'could not reload settings'));
    return run;
  }

  private async readAndApply(): Promise<void> {
    if (this.disposed) return;
    const { userFile, workspaceFile } = this.options;
    const plugins = this.pluginSettings;
    const [user, workspace] = await Promise.all([
      readSettingsLayer(userFile, 'user', plugins),
      workspaceFile === null ? emptyLayer : readSettingsLayer(workspaceFile, 'workspace', plugins),
    ]);
    if (this.disposed) return;
    const next = this.build(user, workspace, plugins);
    const nextJson = JSON.stringify(next);
    if (nextJson === this.currentJson) return;

    const previous = this.current;
    this.current = next;
    this.currentJson = nextJson;
    // Keys only: values could one day hold tokens.
    const changedKeys = [...keysChanged(previous.values, next.values), ...keysChanged(previous.plugins.values, next.plugins.values)];
    this.logger.debug({ changedKeys, issueCount: next.issues.length }, 'settings changed');
    this.changes.fire(next);
  }

  private build(user: SettingsLayer, workspace: SettingsLayer, plugins: PluginSettings): SettingsSnapshot {
    const layers = [user.values, workspace.values];
    return deepFreeze({
      values: mergeLayers(defaultSettings, layers) as SettingsValues,
      layers: { user: builtInPart(user), workspace: builtInPart(workspace) },
      plugins: {
        groups: plugins.groups,
        values: mergeLayers(plugins.defaults, layers) as PluginValues,
        layers: { user: pluginPart(user), workspace: pluginPart(workspace) },
      },
      issues: [...user.issues, ...workspace.issues],
      files: { user: this.options.userFile, workspace: this.options.workspaceFile },
    });
  }
}

type PluginValues = SettingsSnapshot['plugins']['values'];

function builtInPart(layer: SettingsLayer): Partial<SettingsValues> {
  return Object.fromEntries(Object.entries(layer.values).filter(([key]) => isSettingKey(key)));
}

function pluginPart(layer: SettingsLayer): PluginValues {
  return Object.fromEntries(Object.entries(layer.values).filter(([key]) => !isSettingKey(key))) as PluginValues;
}

function keysChanged(previous: Readonly<Record<string, unknown>>, next: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]));
}

function toLatheError(error: unknown, file: string): LatheError {
  if (error instanceof LatheError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LatheError('PERMISSION_DENIED', `${file} cannot be written: permission denied`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new LatheError('UNAVAILABLE', `${file} could not be updated: ${reason}`);
}
