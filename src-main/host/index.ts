import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { contract, LatheError, type AppInfo, type Disposable, type FileChanges, type Notice } from '../../src-shared/contract';
import { Emitter } from '../lib/emitter';
import type { HelperProcessLauncher } from '../lib/helper-process';
import type { SecretStore } from '../services/secrets';
import { AiService, defaultPlanWorkerPath, workerPlanner } from '../services/ai';
import { BackupService } from '../services/backups';
import { CargoService } from '../services/cargo';
import { GitService } from '../services/git';
import { LanguageService } from '../services/language';
import { PipelinesService } from '../services/pipelines';
import { pluginAiFrom, PluginsService } from '../services/plugins';
import { findFiles, searchText } from '../services/search';
import { SettingsService, type InstalledPlugins } from '../services/settings';
import { openDatabase, profileMigrations, StateStore } from '../services/storage';
import { TerminalService } from '../services/terminal';
import { FileWatcherService } from '../services/watcher';
import { RecentWorkspaces, WorkspaceService, type TrashFunction } from '../services/workspace';
import type { LatheHandlers } from './handlers';
import { createLogger } from './logger';
import { createRouter, type Router } from './router';

export interface HostOptions {
  shell: AppInfo['shell'];
  userDataDir: string;
  workspaceRoot: string | null;
  secrets: SecretStore;
  version: string;
  /** The OS trash, where the shell has one (Electron's `shell.trashItem`). */
  trash?: TrashFunction;
  /** The better-sqlite3 addon to load instead of the package's own (Electron in development). */
  sqliteBinding?: string;
  /** Tests pass a silent logger; by default logs go to rotating files in the profile. */
  logger?: Logger;
  /** Starts the pty host process (Electron passes one built on utilityProcess); default: child_process.fork. */
  ptyHostLauncher?: HelperProcessLauncher;
  /** Starts the local model process (Electron can pass one built on utilityProcess); default: child_process.fork. */
  llmHostLauncher?: HelperProcessLauncher;
  /** The apply engine's worker thread script; default: the built `out/plan-worker` beside this bundle. */
  planWorkerPath?: string;
  /** Replaces the open folder with `root`, or one the user picks when null; only the Electron shell can. */
  openFolder?: (root: string | null) => Promise<void>;
  /** The app's `plugins/` folder of built-in plugins; none when absent. */
  builtinPluginsDir?: string;
}

export interface Host {
  readonly router: Router;
  readonly logger: Logger;
  readonly state: StateStore;
  /** Asks every connected workbench to run a command of its registry (native menus use this). */
  requestCommand(command: string): void;
  /** Tells the user something through the workbench (kept for windows that connect later). */
  notify(notice: Omit<Notice, 'id'>): void;
  dispose(): Promise<void>;
}

/** Inside the git directory only HEAD, refs, the index and operation markers matter to the status. */
const gitDirExcludes = { objects: true, logs: true, hooks: true, info: true, modules: true, lfs: true };

/**
 * The composition root: builds every service from plain constructors, wires them to the
 * contract, and takes them down in reverse order. Knows nothing of Electron or HTTP.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const startedAt = Date.now();
  mkdirSync(options.userDataDir, { recursive: true });
  const logger = options.logger ?? createLogger(options.userDataDir, 'info');

  const workspace = options.workspaceRoot ? await WorkspaceService.open(options.workspaceRoot, options.trash) : null;
  // Plugins contribute settings, but their service needs others built on settings: until it has
  // started, settings see no plugin; then they follow its list.
  const pluginListChanges = new Emitter<void>();
  let installedPlugins: InstalledPlugins['list'] = () => [];
  const settings = new SettingsService({
    userFile: join(options.userDataDir, 'settings.json'),
    workspaceFile: workspace ? join(workspace.guard.root, '.lathe', 'settings.json') : null,
    plugins: { list: () => installedPlugins(), onDidChangePlugins: pluginListChanges.event },
    logger,
  });
  await settings.start();
  const applyLogLevel = (): void => {
    logger.level = settings.get('log.level');
  };
  applyLogLevel();
  const logLevelSubscription = settings.onChanged(applyLogLevel);

  const { db, notices: storageNotices } = openDatabase(join(options.userDataDir, 'lathe.db'), profileMigrations, logger, {
    ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
  });
  const state = new StateStore(db);
  const recentWorkspaces = new RecentWorkspaces(state);
  if (workspace) recentWorkspaces.record(workspace.info());

  const backups = workspace ? new BackupService(join(options.userDataDir, 'backups', workspace.id), logger) : null;
  const requireBackups = (): BackupService => {
    if (!backups) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return backups;
  };

  const watcher = workspace
    ? await FileWatcherService.start({ root: workspace.guard.root, excludes: () => settings.get('files.exclude'), logger })
    : null;
  const excludesSubscription = settings.onChanged(() => void watcher?.updateExcludes());
  const fileChanges = new Emitter<FileChanges>();
  const watcherSubscription = watcher?.onDidChange((changes) => fileChanges.fire(changes));

  const notices: Notice[] = [...storageNotices];
  const noticeEmitter = new Emitter<Notice>();
  const commandRequests = new Emitter<{ command: string }>();

  const requireWorkspace = (): WorkspaceService => {
    if (!workspace) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return workspace;
  };
  const stateKey = (key: string, scope: 'global' | 'workspace'): string =>
    scope === 'global' ? key : `workspace:${requireWorkspace().id}:${key}`;

  const terminals = new TerminalService({
    guard: workspace?.guard ?? null,
    settings: () => ({
      defaultProfile: settings.get('terminal.integrated.defaultProfile'),
      profiles: settings.get('terminal.integrated.profiles'),
      cwd: settings.get('terminal.integrated.cwd'),
    }),
    version: options.version,
    logger: logger.child({ service: 'terminal' }),
    ...(options.ptyHostLauncher ? { launcher: options.ptyHostLauncher } : {}),
  });

  const git = new GitService({
    guard: workspace?.guard ?? null,
    settings: () => ({
      backend: settings.get('git.backend'),
      path: settings.get('git.path'),
      pullRebase: settings.get('git.pullRebase'),
      alwaysSignOff: settings.get('git.alwaysSignOff'),
    }),
    secrets: options.secrets,
    dataDirectory: join(options.userDataDir, 'git', workspace?.id ?? 'no-folder'),
    logger: logger.child({ service: 'git' }),
    // The workspace watcher leaves .git out; git's HEAD, refs and index get a watcher of their own.
    watchFolder: async (gitDir, onChange) => {
      const gitDirWatcher = await FileWatcherService.start({ root: gitDir, excludes: () => gitDirExcludes, logger });
      const subscription = gitDirWatcher.onDidChange(onChange);
      return {
        dispose: () => {
          subscription.dispose();
          void gitDirWatcher.dispose();
        },
      };
    },
  });
  const gitFilesSubscription = watcher?.onDidChange(() => git.refreshSoon());
  const gitSettingsSubscription = settings.onChanged(() => git.refreshSoon());

  const ai = new AiService({
    db,
    settings: (key) => settings.get(key),
    secrets: { get: (name) => options.secrets.get(name) },
    workspace: workspace
      ? { id: workspace.id, files: workspace.guard, onDidChangeFiles: (listener) => fileChanges.event(({ changes }) => listener(changes.map((change) => change.path))) }
      : null,
    logger: logger.child({ service: 'ai' }),
    modelsFolder: join(options.userDataDir, 'models'),
    ...(options.llmHostLauncher ? { llmHostLauncher: options.llmHostLauncher } : {}),
    stagedChanges: (maxChars) => git.stagedChanges(maxChars),
    planner: workerPlanner(options.planWorkerPath ?? defaultPlanWorkerPath()),
  });

  // Automatic triggers are off unless the user turns them on (pipelines.automaticTriggers, application scope):
  // Lathe has no workspace trust yet, and a cloned repository must not run its pipelines on its own.
  const pipelines = new PipelinesService({
    db,
    workspace: workspace ? { id: workspace.id, guard: workspace.guard } : null,
    dataDirectory: join(options.userDataDir, 'pipelines', workspace?.id ?? 'no-folder'),
    settings: () => ({
      'pipelines.maxConcurrentJobs': settings.get('pipelines.maxConcurrentJobs'),
      'pipelines.logCapMegabytes': settings.get('pipelines.logCapMegabytes'),
      'pipelines.defaultExecutor': settings.get('pipelines.defaultExecutor'),
      'pipelines.workingCopy': settings.get('pipelines.workingCopy'),
      'pipelines.retainRuns': settings.get('pipelines.retainRuns'),
      'pipelines.automaticTriggers': settings.get('pipelines.automaticTriggers'),
      'pipelines.container.socket': settings.get('pipelines.container.socket'),
      'pipelines.container.defaultImage': settings.get('pipelines.container.defaultImage'),
    }),
    secrets: { get: (key) => options.secrets.get(key) },
    logger: logger.child({ service: 'pipelines' }),
    // The plugins service is made below; a run starts only once the host serves requests.
    pluginSteps: { run: (request, log, signal) => plugins.runStep(request, log, signal) },
  });
  const pipelineFilesSubscription = watcher?.onDidChange(({ changes }) => void pipelines.handleFileChanges(changes));
  // Commits are seen through git's status, followed only while automatic triggers are on (it refreshes on every change).
  let headSubscription: Disposable | undefined;
  const followHead = (): void => {
    const wanted = settings.get('pipelines.automaticTriggers');
    if (wanted && !headSubscription) headSubscription = git.onDidChangeStatus((snapshot) => pipelines.handleHead(snapshot.status?.head.oid ?? null));
    if (!wanted) {
      headSubscription?.dispose();
      headSubscription = undefined;
    }
  };
  followHead();
  const pipelineSettingsSubscription = settings.onChanged(() => {
    followHead();
    void pipelines.handleSettingsChanged();
  });

  // Lathe has no workspace trust yet: the folder the user opened is the trusted one, and what runs
  // (server and cargo programs) comes from application-scope settings only.
  const language = new LanguageService({
    guard: workspace?.guard ?? null,
    trusted: workspace !== null,
    settings: () => ({
      'languageServers.servers': settings.get('languageServers.servers'),
      'languageServers.trace': settings.get('languageServers.trace'),
      'rust-analyzer.server.path': settings.get('rust-analyzer.server.path'),
      'rust-analyzer.check.command': settings.get('rust-analyzer.check.command'),
    }),
    version: options.version,
    logger: logger.child({ service: 'language' }),
  });
  const cargo = new CargoService({ guard: workspace?.guard ?? null, cargoPath: () => settings.get('cargo.path'), logger: logger.child({ service: 'cargo' }) });
  const languageFilesSubscription = watcher?.onDidChange(({ changes }) => {
    language.filesChanged(changes);
    cargo.filesChanged(changes);
  });
  const languageSettingsSubscription = settings.onChanged(() => void language.settingsChanged());

  const plugins = new PluginsService({
    db,
    builtinFolder: options.builtinPluginsDir ?? null,
    userFolder: join(options.userDataDir, 'plugins'),
    workspace: workspace
      ? {
          id: workspace.id,
          guard: workspace.guard,
          files: workspace,
          findFiles: (limit, signal) => findFiles({ root: workspace.guard.root, limit, excludes: settings.get('files.exclude'), signal }),
          searchText: (input, signal) => searchText({ ...input, root: workspace.guard.root, excludes: settings.get('files.exclude'), signal }),
          onDidChangeFiles: (listener) => fileChanges.event(({ changes }) => listener(changes)),
        }
      : null,
    terminals: {
      // The workbench resizes it to its panel once the user shows it.
      create: (input) => terminals.create({ ...input, cols: 80, rows: 24 }),
      write: (id, data) => terminals.write(id, data),
      // The replay a reattaching window gets is the recent output; leaving the loop detaches.
      output: async (id) => {
        for await (const chunk of terminals.attach(id, new AbortController().signal)) return chunk.kind === 'replay' ? chunk.data : '';
        return '';
      },
      kill: (id) => terminals.kill(id),
      onDidChangeTerminals: terminals.onDidChangeTerminals,
    },
    ai: pluginAiFrom(ai),
    secrets: options.secrets,
    logger: logger.child({ service: 'plugins' }),
  });
  await plugins.start();
  installedPlugins = () => plugins.list();
  const pluginSettingsSubscription = plugins.onDidChangePlugins(() => pluginListChanges.fire());
  pluginListChanges.fire();

  const handlers: LatheHandlers = {
    app: {
      info: () => ({
        name: 'Lathe',
        version: options.version,
        shell: options.shell,
        platform: process.platform,
        workspace: workspace?.info() ?? null,
      }),
      status: () => ({
        uptimeMs: Date.now() - startedAt,
        residentMemoryBytes: process.memoryUsage.rss(),
        heapUsedBytes: process.memoryUsage().heapUsed,
        connections: router.connectionCount,
      }),
      notices: () => notices,
      onNotice: noticeEmitter.event,
      onCommandRequested: commandRequests.event,
    },
    settings: {
      get: () => settings.snapshot(),
      update: (input) => settings.update(input),
      onChanged: (listener) => settings.onChanged(listener),
    },
    workspace: {
      list: ({ path }) => requireWorkspace().list(path),
      readFile: ({ path }) => requireWorkspace().readFile(path),
      writeFile: ({ path, content, encoding }) => requireWorkspace().writeFile(path, content, encoding),
      stat: ({ path }) => requireWorkspace().stat(path),
      createFile: ({ path }) => requireWorkspace().createFile(path),
      createFolder: ({ path }) => requireWorkspace().createFolder(path),
      rename: ({ from, to, overwrite }) => requireWorkspace().rename(from, to, overwrite),
      copy: ({ from, to }) => requireWorkspace().copy(from, to),
      delete: ({ path, useTrash }) => requireWorkspace().delete(path, useTrash),
      recent: () => recentWorkspaces.list(),
      openFolder: async ({ root }) => {
        if (!options.openFolder) {
          throw new LatheError('UNSUPPORTED', 'Browser mode serves one folder per launch: start it on another with `npm run serve -- <folder>`');
        }
        if (root !== undefined && !recentWorkspaces.has(root)) throw new LatheError('NOT_FOUND', `${root} is not among the recent folders`);
        await options.openFolder(root ?? null);
      },
      findFiles: ({ limit }, { signal }) =>
        findFiles({ root: requireWorkspace().guard.root, limit, excludes: settings.get('files.exclude'), signal }),
      onDidChangeFiles: fileChanges.event,
    },
    secrets: {
      isSet: ({ key }) => options.secrets.isSet(key),
      set: ({ key, value }) => options.secrets.set(key, value),
      delete: ({ key }) => options.secrets.delete(key),
    },
    search: {
      text: async function* (input, { signal }) {
        const root = requireWorkspace().guard.root;
        yield* searchText({ ...input, root, excludes: settings.get('files.exclude'), signal });
      },
    },
    backups: {
      save: ({ path, content }) => requireBackups().save(requireWorkspace().guard.normalize(path), content),
      discard: ({ path }) => requireBackups().discard(requireWorkspace().guard.normalize(path)),
      list: () => (backups ? backups.list() : []),
    },
    state: {
      get: ({ key, scope }) => state.get(stateKey(key, scope)),
      set: ({ key, scope, value }) => state.set(stateKey(key, scope), value),
    },
    terminal: {
      profiles: () => terminals.profiles(),
      create: (input) => terminals.create(input),
      list: () => terminals.list(),
      attach: ({ id }, { signal }) => terminals.attach(id, signal),
      write: ({ id, data }) => terminals.write(id, data),
      resize: ({ id, cols, rows }) => terminals.resize(id, cols, rows),
      acknowledgeData: ({ id, charCount }) => terminals.acknowledge(id, charCount),
      rename: ({ id, name }) => terminals.rename(id, name),
      clearBuffer: ({ id }) => terminals.clearBuffer(id),
      kill: ({ id }) => terminals.kill(id),
      restart: ({ id }) => terminals.restart(id),
      onDidChangeTerminals: terminals.onDidChangeTerminals,
    },
    ai: {
      chat: (input, { signal }) => ai.chat(input, signal),
      edit: (input, { signal }) => ai.edit(input, signal),
      proposeEdit: (input, { signal }) => ai.proposeEdit(input, signal),
      review: (input, { signal }) => ai.review(input, signal),
      planEdit: (input) => ai.planEdit(input),
      commitMessage: (input, { signal }) => ai.commitMessage(input, signal),
      complete: (input, { signal }) => ai.complete(input, signal),
      embed: (input, { signal }) => ai.embed(input, signal),
      countTokens: (input, { signal }) => ai.countTokens(input, signal),
      models: (_input, { signal }) => ai.models(signal),
      providers: () => ai.providers(),
      checkHealth: ({ provider }) => ai.checkHealth(provider),
      onDidChangeProviders: ai.onDidChangeProviders,
      unloadLocalModel: () => ai.unloadLocalModel(),
      downloadModel: (input, { signal }) => ai.downloadModel(input, signal),
      listThreads: ({ limit, offset }) => ai.listThreads(limit, offset),
      getThread: ({ id }) => ai.getThread(id),
      createThread: ({ title }) => ai.createThread(title),
      renameThread: ({ id, title }) => ai.renameThread(id, title),
      deleteThread: ({ id }) => ai.deleteThread(id),
      appendMessage: ({ threadId, role, content }) => ai.appendMessage(threadId, role, content),
      searchThreads: ({ query, limit }) => ai.searchThreads(query, limit),
      onDidChangeThreads: ai.onDidChangeThreads,
      usageSummary: ({ since, until }) => ai.usageSummary(since, until),
      clearCache: () => ai.clearCache(),
    },
    git: {
      status: () => git.status(),
      onDidChangeStatus: git.onDidChangeStatus,
      init: () => git.init(),
      stage: ({ paths }) => git.stage(paths),
      unstage: ({ paths }) => git.unstage(paths),
      discard: ({ paths }) => git.discard(paths),
      undoDiscard: ({ id }) => git.undoDiscard(id),
      discardBackups: () => git.discardBackups(),
      markResolved: ({ paths, force }) => git.markResolved(paths, force),
      diff: ({ path, staged }) => git.diff(path, staged),
      stageLines: ({ path, ...selection }) => git.stageLines(path, selection),
      unstageLines: ({ path, ...selection }) => git.unstageLines(path, selection),
      readFile: ({ path, revision }) => git.readFile(path, revision),
      commit: ({ message, amend, signoff }) => git.commit(message, amend, signoff),
      branches: () => git.branches(),
      createBranch: (input) => git.createBranch(input.name, input.from, input.switch),
      switchBranch: ({ name }) => git.switchBranch(name),
      deleteBranch: ({ name, force }) => git.deleteBranch(name, force),
      renameBranch: ({ name, newName }) => git.renameBranch(name, newName),
      stashPush: ({ message, includeUntracked }) => git.stashPush(message, includeUntracked),
      stashPop: ({ index }) => git.stashPop(index),
      stashDrop: ({ index }) => git.stashDrop(index),
      stashList: () => git.stashList(),
      remotes: () => git.remotes(),
      fetch: ({ remote, prune }, { signal }) => git.fetch(remote, prune, signal),
      pull: ({ rebase }, { signal }) => git.pull(rebase, signal),
      push: ({ remote, force }, { signal }) => git.push(remote, force, signal),
      setCredentials: ({ host, username, password }) => git.setCredentials(host, username, password),
      deleteCredentials: ({ host }) => git.deleteCredentials(host),
      log: (input) => git.log(input),
      showCommit: ({ revision }) => git.showCommit(revision),
      commitDiff: ({ revision, path }) => git.commitDiff(revision, path),
      blame: ({ path }) => git.blame(path),
    },
    pipelines: {
      list: () => pipelines.list(),
      start: ({ pipelineId, inputs, pauseOnFailure }) => pipelines.start(pipelineId, inputs, pauseOnFailure),
      cancel: ({ runId }) => pipelines.cancel(runId),
      rerun: ({ runId, failedOnly }) => pipelines.rerun(runId, failedOnly),
      resume: ({ runId, jobKey, retry }) => pipelines.resume(runId, jobKey, retry),
      runs: ({ pipelineId, limit, before }) => ({ runs: pipelines.runs(pipelineId, limit, before) }),
      getRun: ({ runId }) => pipelines.getRun(runId),
      durations: ({ pipelineId, limit }) => pipelines.durations(pipelineId, limit),
      logs: (input, { signal }) => pipelines.logs(input, signal),
      proposeStarter: () => pipelines.proposeStarter(),
      onDidChangePipelines: pipelines.onDidChangePipelines,
      onDidChangeRun: pipelines.onDidChangeRun,
    },
    language: {
      servers: () => language.listServers(),
      onDidChangeServers: language.onDidChangeServers,
      restartServer: ({ server }) => language.restartServer(server),
      serverLog: async function* ({ server }, { signal }) {
        for await (const lines of language.log(server).follow(signal)) yield { lines };
      },
      openDocument: ({ path, languageId, version, text }) => language.openDocument(path, languageId, version, text),
      changeDocument: ({ path, version, changes }) => language.changeDocument(path, version, changes),
      saveDocument: ({ path }) => language.saveDocument(path),
      closeDocument: ({ path }) => language.closeDocument(path),
      onDidPublishDiagnostics: language.onDidPublishDiagnostics,
      completion: ({ path, position, triggerCharacter, incompleteRetrigger }, { signal }) =>
        language.completion(path, position, triggerCharacter, incompleteRetrigger, signal),
      resolveCompletion: ({ path, id }, { signal }) => language.resolveCompletion(path, id, signal),
      hover: ({ path, position }, { signal }) => language.hover(path, position, signal),
      signatureHelp: ({ path, position, triggerCharacter, isRetrigger }, { signal }) => language.signatureHelp(path, position, triggerCharacter, isRetrigger, signal),
      locations: ({ path, position, kind, includeDeclaration }, { signal }) => language.locations(path, position, kind, includeDeclaration, signal),
      documentHighlights: ({ path, position }, { signal }) => language.documentHighlights(path, position, signal),
      documentSymbols: ({ path }, { signal }) => language.documentSymbols(path, signal),
      workspaceSymbols: ({ query }, { signal }) => language.workspaceSymbols(query, signal),
      prepareRename: ({ path, position }, { signal }) => language.prepareRename(path, position, signal),
      rename: ({ path, position, newName }, { signal }) => language.rename(path, position, newName, signal),
      format: ({ path, range, options: formatting }, { signal }) => language.format(path, range, formatting, signal),
      codeActions: ({ path, range, only }, { signal }) => language.codeActionList(path, range, only, signal),
      applyCodeAction: ({ path, id }, { signal }) => language.applyCodeAction(path, id, signal),
      inlayHints: ({ path, range }, { signal }) => language.inlayHints(path, range, signal),
      semanticTokens: ({ path }, { signal }) => language.semanticTokens(path, signal),
      foldingRanges: ({ path }, { signal }) => language.foldingRanges(path, signal),
    },
    cargo: {
      workspace: () => cargo.workspace(),
      run: ({ command, package: packageName }, { signal }) => cargo.run(command, packageName, signal),
      listTests: ({ package: packageName }) => cargo.listTests(packageName),
      runTests: (scope, { signal }) => cargo.runTests(scope, signal),
    },
    plugins: {
      list: () => plugins.list(),
      install: ({ path }) => plugins.install(path),
      approve: ({ id, permissions }) => plugins.approve(id, permissions),
      setEnabled: ({ id, enabled }) => plugins.setEnabled(id, enabled),
      uninstall: ({ id }) => plugins.uninstall(id),
      reload: ({ id }) => plugins.reload(id),
      code: ({ id }) => plugins.code(id),
      call: ({ plugin, request }, { signal }) => plugins.call(plugin, request, signal),
      onDidChangePlugins: plugins.onDidChangePlugins,
      onPluginEvent: plugins.onPluginEvent,
      stepRequests: (_input, { connectionId, signal }) => plugins.stepRequests(connectionId, signal),
      stepLog: ({ plugin, requestId, line }, { connectionId }) => plugins.stepLog(connectionId, plugin, requestId, line),
      completeStep: (answer, { connectionId }) => plugins.completeStep(connectionId, answer),
    },
  };
  const router = createRouter({ contract, handlers, logger });
  logger.info({ shell: options.shell, version: options.version, workspace: workspace?.info().name ?? null }, 'host started');

  return {
    router,
    logger,
    state,
    requestCommand: (command) => commandRequests.fire({ command }),
    notify(notice) {
      const full = { ...notice, id: `${notice.source}.${notices.length + 1}` };
      notices.push(full);
      noticeEmitter.fire(full);
    },
    async dispose() {
      router.closeAll();
      pluginSettingsSubscription.dispose();
      pluginListChanges.dispose();
      plugins.dispose();
      pipelineFilesSubscription?.dispose();
      pipelineSettingsSubscription.dispose();
      headSubscription?.dispose();
      await pipelines.dispose();
      languageFilesSubscription?.dispose();
      languageSettingsSubscription.dispose();
      await language.dispose();
      await terminals.dispose();
      await ai.dispose();
      gitFilesSubscription?.dispose();
      gitSettingsSubscription.dispose();
      await git.dispose();
      logLevelSubscription.dispose();
      excludesSubscription.dispose();
      watcherSubscription?.dispose();
      fileChanges.dispose();
      await watcher?.dispose();
      noticeEmitter.dispose();
      commandRequests.dispose();
      await settings.dispose();
      db.close();
      logger.info('host stopped');
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    },
  };
}
