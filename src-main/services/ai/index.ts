import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  LatheError,
  type aiChatInputSchema,
  type aiCompleteInputSchema,
  type aiEditInputSchema,
  type aiEmbedResultSchema,
  type aiGenerationOptionsSchema,
  type aiProposeEditInputSchema,
  type aiReviewInputSchema,
  type AiAnswerer,
  type AiAttachment,
  type AiChatChunk,
  type AiDownloadChunk,
  type AiFailure,
  type AiFeature,
  type AiGenerationChunk,
  type AiLineRegion,
  type AiMessage,
  type AiModelInfo,
  type AiModelRef,
  type AiPendingEdit,
  type AiProposeEditChunk,
  type AiProviderStatus,
  type AiReviewChunk,
  type AiSearchHit,
  type AiThread,
  type AiUsageSummary,
} from '../../../src-shared/contract';
import { enabledGlobs, pathMatcher } from '../../../src-shared/globs';
import { Emitter } from '../../lib/emitter';
import { produce } from './async-channel';
import { callWithPolicies } from './attempt';
import { ResponseCache } from './cache';
import { commitMessageRequest, maxCommitDiffChars, type StagedChanges } from './commit-message';
import { readAttachments, WorkspaceContext, type RuleText, type WorkspaceFiles } from './context-files';
import { downloadModel } from './download';
import { inlinePlanner, type EditPlanner } from './edit-planner';
import { planFileEdit, proposeEdit } from './edit-session';
import { embedTexts } from './embeddings';
import {
  completedAnswer,
  failureOf,
  generate,
  requestFailure,
  routeFor,
  type AskModel,
  type GenerationDeps,
  type GenerationEvent,
  type GenerationOutcome,
  type GenerationPlan,
} from './generation';
import type { HelperProcessLauncher } from '../../lib/helper-process';
import { unknownContextWindow } from './model-catalog';
import { prepareChatRequest, prepareInfillRequest, type CachePolicy } from './prepare-request';
import { editMessages, systemPrompt, titleFrom, toProviderMessages } from './prompts';
import type { AiProvider, ProviderMessage } from './provider';
import { ProviderHealth } from './provider-health';
import { ProviderRegistry, type SettingsReader } from './provider-registry';
import { LocalProvider } from './providers/local';
import type { SecretReader } from './providers/shared';
import { ProviderGuards, type ResilienceSettings } from './resilience';
import { review } from './review';
import { publicMessage, ThreadStore, type StoredMessage } from './threads';
import { estimateTokens, messageOverheadTokens, messageText } from './tokens';
import { UsageLedger } from './usage';

export { defaultLlmHostPath, forkLlmHost } from './llm-host-client';
export { defaultPlanWorkerPath, workerPlanner } from './edit-planner';
export { keySecrets, type SettingsReader } from './provider-registry';
export type { WorkspaceFiles } from './context-files';

type ChatInput = z.output<typeof aiChatInputSchema>;
type EditInput = z.output<typeof aiEditInputSchema>;
type ProposeEditInput = z.output<typeof aiProposeEditInputSchema>;
type ReviewInput = z.output<typeof aiReviewInputSchema>;
type GenerationOptions = z.output<typeof aiGenerationOptionsSchema>;
type CompleteInput = z.output<typeof aiCompleteInputSchema>;
type EmbedResult = z.output<typeof aiEmbedResultSchema>;

export interface AiServiceOptions {
  db: Database;
  settings: SettingsReader;
  secrets: SecretReader;
  /**
   * The open folder (rules files, attachments, threads are kept per folder); null when none is open.
   * With `onDidChangeFiles` (workspace-relative paths), rules files are read again only when they change.
   */
  workspace: { id: string; files: WorkspaceFiles; onDidChangeFiles?: (listener: (paths: string[]) => void) => { dispose(): void } } | null;
  logger: Logger;
  /** Where downloaded models go (in the profile). */
  modelsFolder: string;
  llmHostPath?: string;
  llmHostLauncher?: HelperProcessLauncher;
  /** Backoff bounds (tests shorten them). */
  backoff?: { initialMs: number; maxMs: number };
  /** Where edits are planned; default: on main's thread (the host passes a worker planner). */
  planner?: EditPlanner;
  /** The open repository's staged changes, the diff cut after `maxChars`; null when nothing is staged. Absent: no commit messages. */
  stagedChanges?: (maxChars: number) => Promise<StagedChanges | null>;
}

const defaultCompletionTokens = 128;

/**
 * The AI orchestrator: every AI request of the IDE goes through here. It routes each feature to a
 * provider and model with fallbacks (generation.ts) under retries, circuit breakers, bulkheads and
 * timeouts (attempt.ts), builds prompts from threads, rules files and attachments (secrets masked,
 * history fitted to the window), caches deterministic answers and records usage and cost.
 */
export class AiService {
  private readonly threads: ThreadStore;
  private readonly ledger: UsageLedger;
  private readonly cache: ResponseCache;
  private readonly guards: ProviderGuards;
  private readonly local: LocalProvider;
  private readonly registry: ProviderRegistry;
  private readonly deps: GenerationDeps;
  private readonly context: WorkspaceContext | null;
  private readonly health = new ProviderHealth();
  private readonly planner: EditPlanner;
  private readonly providerChanges = new Emitter<{ providers: AiProviderStatus[] }>();
  private readonly threadChanges = new Emitter<{ threadIds: string[] }>();
  private statusPending = false;
  private disposed = false;

  readonly onDidChangeProviders = this.providerChanges.event;
  readonly onDidChangeThreads = this.threadChanges.event;

  constructor(private readonly options: AiServiceOptions) {
    const settings = options.settings;
    this.threads = new ThreadStore(options.db, options.workspace?.id ?? null);
    this.planner = options.planner ?? inlinePlanner;
    this.context = options.workspace ? new WorkspaceContext(options.workspace.files, options.workspace.onDidChangeFiles) : null;
    this.ledger = new UsageLedger(options.db);
    this.cache = new ResponseCache(options.db);
    this.guards = new ProviderGuards(() => this.providersChanged());
    this.local = new LocalProvider({
      settings: () => ({
        modelPath: settings('ai.local.modelPath'),
        threads: settings('ai.local.threads'),
        contextSize: settings('ai.local.contextSize'),
        gpu: settings('ai.local.gpu'),
        gpuLayers: settings('ai.local.gpuLayers'),
        idleUnloadMinutes: settings('ai.local.idleUnloadMinutes'),
      }),
      logger: options.logger,
      onStateChange: () => this.providersChanged(),
      ...(options.llmHostPath ? { scriptPath: options.llmHostPath } : {}),
      ...(options.llmHostLauncher ? { launcher: options.llmHostLauncher } : {}),
    });
    this.registry = new ProviderRegistry(settings, options.secrets, this.local);
    this.deps = {
      registry: this.registry,
      guards: this.guards,
      resilience: () => this.resilience(),
      cache: this.cache,
      ledger: this.ledger,
      settings,
      logger: options.logger,
    };
    this.health.schedule(
      () => settings('ai.healthCheck.intervalMinutes'),
      () => this.checkHealth(undefined),
    );
  }

  /** Sends a message (or regenerates, edits, returns tool results) and streams the answer. */
  chat(input: ChatInput, signal: AbortSignal): AsyncIterable<AiChatChunk> {
    return produce<AiChatChunk>(signal, async (emit) => {
      const { thread, userMessage, removed } = await this.applyAction(input);
      this.threadChanges.fire({ threadIds: [thread.id] });
      const history = this.threads.messages(thread.id);
      const rules = await this.rules();
      const messages: ProviderMessage[] = [{ role: 'system', content: systemPrompt('chat', rules) }, ...history.flatMap(toProviderMessages)];
      const last = history.at(-1);
      const lastContext = last?.role === 'user' && last.context ? { context: last.context, text: last.content } : undefined;
      const route = await routeFor('chat', input.model, this.registry, this.options.settings);
      const first = route[0];
      await emit({
        kind: 'start',
        thread: this.threads.thread(thread.id),
        userMessage: userMessage ? publicMessage(userMessage) : null,
        removedMessageIds: removed,
        rules: rules.map(({ path, tokens }) => ({ path, tokens })),
        promptTokens: messages.reduce((sum, message) => sum + estimateTokens(messageText(message)) + messageOverheadTokens, 0),
        contextWindow: (first && this.registry.get(first.provider)?.contextWindow(first.model ?? '')) ?? unknownContextWindow,
      });
      const parts = {
        messages,
        lastContext,
        tools: input.tools,
        temperature: input.temperature ?? this.options.settings('ai.chat.temperature'),
        maxOutputTokens: input.maxOutputTokens ?? this.options.settings('ai.chat.maxOutputTokens'),
      };
      const plan: GenerationPlan = {
        feature: 'chat',
        route,
        prepare: (provider, model, prepareSignal) => prepareChatRequest(provider, model, parts, this.cachePolicy(), prepareSignal),
      };
      const outcome = await this.run(plan, signal, emit);
      if (outcome.status === 'stopped' && !outcome.text && outcome.toolCalls.length === 0) return;
      const answer = this.threads.append(thread.id, {
        role: 'assistant',
        content: outcome.text,
        status: outcome.status,
        meta: {
          ...(outcome.toolCalls.length > 0 ? { toolCalls: outcome.toolCalls } : {}),
          ...(outcome.answeredBy ? { answeredBy: outcome.answeredBy } : {}),
          ...(outcome.usage ? { usage: outcome.usage } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        },
      });
      this.threadChanges.fire({ threadIds: [thread.id] });
      if (outcome.status === 'error') throw requestFailure(outcome, answer.id);
      if (outcome.status === 'complete') await emit({ kind: 'done', finishReason: outcome.finishReason, cached: outcome.cached, message: publicMessage(answer) });
    });
  }

  /** Rewrites code as instructed; streams the replacement. */
  edit(input: EditInput, signal: AbortSignal): AsyncIterable<AiGenerationChunk> {
    return produce<AiGenerationChunk>(signal, async (emit) => {
      const ask = this.asker('edit', input, 0, signal, emit);
      await finishGeneration(await ask(editMessages(input, await this.rules())), emit);
    });
  }

  /** Asks for an edit of a file (a region rewrite or SEARCH/REPLACE blocks) and streams it with its plan. */
  proposeEdit(input: ProposeEditInput, signal: AbortSignal): AsyncIterable<AiProposeEditChunk> {
    return produce<AiProposeEditChunk>(signal, async (emit) => {
      await proposeEdit(input, await this.rules(), this.asker('edit', input, 0, signal, emit), this.planner, emit);
    });
  }

  /** Reviews a file or a selection; streams the answer, then the findings. */
  review(input: ReviewInput, signal: AbortSignal): AsyncIterable<AiReviewChunk> {
    return produce<AiReviewChunk>(signal, async (emit) => {
      await review(input, await this.rules(), this.asker('chat', input, 0, signal, emit), emit);
    });
  }

  /** Plans an answer against a text without asking a model. */
  planEdit(input: { path: string; content: string; answer: string; region?: AiLineRegion | undefined }): Promise<AiPendingEdit> {
    return planFileEdit(input, this.planner);
  }

  /** A commit message for the staged changes, in the style of the repository's recent subjects. */
  commitMessage(input: GenerationOptions, signal: AbortSignal): AsyncIterable<AiGenerationChunk> {
    return produce<AiGenerationChunk>(signal, async (emit) => {
      if (!this.options.stagedChanges) throw new LatheError('UNAVAILABLE', 'Commit messages need git, which this host does not offer');
      const changes = await this.options.stagedChanges(maxCommitDiffChars);
      if (!changes) throw new LatheError('CONFLICT', 'Stage changes first: nothing is staged to write a commit message for');
      if (changes.truncated) {
        await emit({ kind: 'notice', code: 'context-truncated', message: `The staged changes are longer than ${maxCommitDiffChars} characters: the message is written from the first ${maxCommitDiffChars}` });
      }
      const ask = this.asker('chat', input, this.options.settings('ai.chat.temperature'), signal, emit);
      const request = commitMessageRequest(changes, await this.rules());
      await finishGeneration(await ask(request.messages, { lastContext: request.lastContext }), emit);
    });
  }

  /**
   * A conversation answered on the `chat` route and kept nowhere: no thread, no rules files, only the messages
   * given (a plugin's request). Usage is recorded like any other.
   */
  converse(input: GenerationOptions & { messages: { role: 'user' | 'assistant'; content: string }[] }, signal: AbortSignal): AsyncIterable<AiGenerationChunk> {
    return produce<AiGenerationChunk>(signal, async (emit) => {
      const ask = this.asker('chat', input, this.options.settings('ai.chat.temperature'), signal, emit);
      await finishGeneration(await ask(input.messages), emit);
    });
  }

  /** Fill-in-the-middle at the cursor: native where the provider has it, through chat otherwise. */
  complete(input: CompleteInput, signal: AbortSignal): AsyncIterable<AiGenerationChunk> {
    return produce<AiGenerationChunk>(signal, async (emit) => {
      const parts = {
        prefix: input.prefix,
        suffix: input.suffix,
        language: input.language ?? input.path?.split('.').pop(),
        temperature: input.temperature ?? 0,
        maxOutputTokens: input.maxOutputTokens ?? defaultCompletionTokens,
      };
      const plan: GenerationPlan = {
        feature: 'completion',
        route: await routeFor('completion', input.model, this.registry, this.options.settings),
        prepare: (provider, model, prepareSignal) => prepareInfillRequest(provider, model, parts, this.cachePolicy(), prepareSignal),
      };
      await finishGeneration(await this.run(plan, signal, withoutToolCalls(emit)), emit);
    });
  }

  async embed(input: { texts: string[]; model?: AiModelRef | undefined }, signal: AbortSignal): Promise<EmbedResult> {
    return embedTexts(this.deps, await routeFor('embeddings', input.model, this.registry, this.options.settings), input.texts, signal);
  }

  /** Tokens of a draft as it would be sent in a thread, against the first model of the chat route. */
  async countTokens(
    input: { text: string; threadId?: string | undefined; model?: AiModelRef | undefined },
    signal: AbortSignal,
  ): Promise<{ tokens: number; contextWindow: number; exact: boolean; answeredBy: AiAnswerer }> {
    const [entry] = await routeFor('chat', input.model, this.registry, this.options.settings);
    const provider = entry ? this.registry.get(entry.provider) : undefined;
    if (!entry || !provider) throw new LatheError('UNAVAILABLE', 'No AI provider is set up');
    try {
      const model = entry.model ?? (await provider.defaultModel('chat', signal));
      const history = input.threadId ? this.threads.messages(input.threadId).flatMap(toProviderMessages) : [];
      const texts = [systemPrompt('chat', await this.rules()), ...history.map(messageText), ...(input.text ? [input.text] : [])];
      const { counts, exact } = await provider.countTokens(model, texts, signal);
      return {
        tokens: counts.reduce((sum, count) => sum + count + messageOverheadTokens, 0),
        contextWindow: provider.contextWindow(model),
        exact,
        answeredBy: { provider: provider.id, model },
      };
    } catch (error) {
      if (error instanceof LatheError) throw error;
      throw new LatheError('UNAVAILABLE', failureOf(error).message);
    }
  }

  /** Models of every configured provider, asked in parallel; a provider that fails is listed with why. */
  async models(signal: AbortSignal): Promise<{ models: AiModelInfo[]; failures: { provider: string; reason: AiFailure }[] }> {
    const resilience = { ...this.resilience(), maxRetries: 0 };
    const providers = await this.configuredProviders();
    const results = await Promise.allSettled(
      providers.map((provider) =>
        callWithPolicies({ provider, guard: this.guards.get(provider.id, resilience), settings: resilience, signal }, (callSignal) => provider.listModels(callSignal)),
      ),
    );
    const models: AiModelInfo[] = [];
    const failures: { provider: string; reason: AiFailure }[] = [];
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') models.push(...result.value);
      else failures.push({ provider: (providers[index] as AiProvider).id, reason: failureOf(result.reason) });
    });
    return { models, failures };
  }

  async providers(): Promise<AiProviderStatus[]> {
    return Promise.all(
      this.registry.all().map(async (provider): Promise<AiProviderStatus> => {
        const setup = await provider.setup();
        return {
          id: provider.id,
          kind: provider.kind,
          label: provider.label,
          baseUrl: provider.baseUrl,
          configured: setup.configured,
          keySet: setup.keySet,
          keySecret: provider.keySecret,
          circuit: this.guards.circuit(provider.id),
          health: this.health.get(provider.id),
          ...(provider === this.local ? { local: this.local.state() } : {}),
        };
      }),
    );
  }

  /** Checks one provider, or every configured one, now. */
  async checkHealth(providerId: string | undefined): Promise<AiProviderStatus[]> {
    const providers = providerId ? [this.registry.get(providerId)].filter((provider) => provider !== undefined) : await this.configuredProviders();
    if (providerId && providers.length === 0) throw new LatheError('NOT_FOUND', `There is no AI provider "${providerId}"`);
    await this.health.check(providers, this.options.settings('ai.request.connectTimeoutMs'));
    const statuses = await this.providers();
    this.providerChanges.fire({ providers: statuses });
    return providerId ? statuses.filter((status) => status.id === providerId) : statuses;
  }

  unloadLocalModel(): void {
    this.local.unload();
  }

  downloadModel(input: { url: string; sha256?: string | undefined; fileName?: string | undefined }, signal: AbortSignal): AsyncIterable<AiDownloadChunk> {
    return downloadModel({ ...input, folder: this.options.modelsFolder, signal, connectTimeoutMs: this.options.settings('ai.request.connectTimeoutMs') });
  }

  listThreads(limit: number, offset: number): AiThread[] {
    return this.threads.list(limit, offset);
  }

  getThread(id: string): { thread: AiThread; messages: AiMessage[] } {
    return { thread: this.threads.thread(id), messages: this.threads.messages(id).map(publicMessage) };
  }

  createThread(title: string | undefined): AiThread {
    const thread = this.threads.create(title ?? 'New chat');
    this.threadChanges.fire({ threadIds: [thread.id] });
    return thread;
  }

  renameThread(id: string, title: string): AiThread {
    const thread = this.threads.rename(id, title);
    this.threadChanges.fire({ threadIds: [id] });
    return thread;
  }

  deleteThread(id: string): void {
    this.threads.delete(id);
    this.threadChanges.fire({ threadIds: [id] });
  }

  appendMessage(threadId: string, role: 'user' | 'assistant', content: string): AiMessage {
    const message = this.threads.append(threadId, { role, content, status: 'complete' });
    this.threadChanges.fire({ threadIds: [threadId] });
    return publicMessage(message);
  }

  searchThreads(query: string, limit: number): AiSearchHit[] {
    return this.threads.search(query, limit);
  }

  usageSummary(since: number | undefined, until: number | undefined): AiUsageSummary {
    return this.ledger.summary(since, until);
  }

  clearCache(): { removed: number } {
    return { removed: this.cache.clear() };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.health.stop();
    this.providerChanges.dispose();
    this.threadChanges.dispose();
    this.context?.dispose();
    this.guards.dispose();
    await this.local.dispose();
    await this.registry.dispose();
    await this.planner.dispose();
  }

  /** Asks a feature's route with plain messages (no tools), streaming what the model says through `emit`. */
  private asker(feature: AiFeature, options: GenerationOptions, defaultTemperature: number, signal: AbortSignal, emit: (chunk: SpokenEvent) => Promise<void>): AskModel {
    return async (messages, { first, lastContext } = {}) => {
      const parts = {
        messages,
        lastContext,
        tools: [],
        temperature: options.temperature ?? defaultTemperature,
        maxOutputTokens: options.maxOutputTokens ?? this.options.settings('ai.chat.maxOutputTokens'),
      };
      const plan: GenerationPlan = {
        feature,
        route: await routeFor(feature, first ?? options.model, this.registry, this.options.settings),
        prepare: (provider, model, prepareSignal) => prepareChatRequest(provider, model, parts, this.cachePolicy(), prepareSignal),
      };
      return this.run(plan, signal, withoutToolCalls(emit));
    };
  }

  private async run(plan: GenerationPlan, signal: AbortSignal, emit: (chunk: GenerationEvent) => Promise<void>): Promise<GenerationOutcome> {
    const generation = generate(this.deps, plan, signal);
    for (;;) {
      const step = await generation.next();
      if (step.done) return step.value;
      await emit(step.value);
    }
  }

  /** Changes the thread as the action says; returns the user message it added, if any, and what it removed. */
  private async applyAction(input: ChatInput): Promise<{ thread: AiThread; userMessage: StoredMessage | null; removed: string[] }> {
    const action = input.action;
    if (action.kind === 'send') {
      const thread = input.threadId ? this.threads.thread(input.threadId) : this.threads.create(titleFrom(action.text));
      return { thread, userMessage: await this.appendUser(thread.id, action.text, action.attachments), removed: [] };
    }
    if (!input.threadId) throw new LatheError('INVALID_INPUT', `${action.kind} needs the thread it applies to (threadId)`);
    const thread = this.threads.thread(input.threadId);
    const messages = this.threads.messages(thread.id);
    switch (action.kind) {
      case 'edit': {
        if (messages.find((message) => message.id === action.messageId)?.role !== 'user') {
          throw new LatheError('NOT_FOUND', `There is no message of yours ${action.messageId} in this thread`);
        }
        const removed = this.threads.removeFrom(thread.id, action.messageId);
        return { thread, userMessage: await this.appendUser(thread.id, action.text, action.attachments), removed };
      }
      case 'regenerate': {
        const lastUser = messages.map((message) => message.role).lastIndexOf('user');
        if (lastUser < 0) throw new LatheError('CONFLICT', 'There is no message to answer again in this thread');
        const after = messages[lastUser + 1];
        return { thread, userMessage: null, removed: after ? this.threads.removeFrom(thread.id, after.id) : [] };
      }
      case 'toolResults': {
        const last = messages.at(-1);
        const open = new Set(last?.role === 'assistant' ? (last.toolCalls ?? []).map((call) => call.id) : []);
        const unknown = action.results.find((result) => !open.has(result.toolCallId));
        if (unknown) throw new LatheError('CONFLICT', `The last answer made no tool call ${unknown.toolCallId.slice(0, 100)}`);
        for (const result of action.results) {
          this.threads.append(thread.id, { role: 'tool', content: result.content, status: 'complete', meta: { toolCallId: result.toolCallId } });
        }
        return { thread, userMessage: null, removed: [] };
      }
    }
  }

  private async appendUser(threadId: string, text: string, attachments: AiAttachment[]): Promise<StoredMessage> {
    const attached =
      attachments.length === 0
        ? { context: '', reports: [] }
        : await readAttachments(this.context?.files ?? null, attachments, {
            isSensitive: this.context ? await this.context.isSensitive() : () => true,
            isExcluded: pathMatcher(enabledGlobs(this.options.settings('files.exclude'))),
          });
    return this.threads.append(threadId, {
      role: 'user',
      content: text,
      status: 'complete',
      meta: { ...(attached.reports.length > 0 ? { attachments: attached.reports } : {}), ...(attached.context ? { context: attached.context } : {}) },
    });
  }

  private async rules(): Promise<RuleText[]> {
    return this.context && this.options.settings('ai.rules.enabled') ? this.context.rules() : [];
  }

  private cachePolicy(): CachePolicy {
    return { enabled: this.options.settings('ai.cache.enabled'), includeNonDeterministic: this.options.settings('ai.cache.includeNonDeterministic') };
  }

  private resilience(): ResilienceSettings {
    const settings = this.options.settings;
    return {
      maxRetries: settings('ai.request.maxRetries'),
      failureThreshold: settings('ai.circuit.failureThreshold'),
      cooldownMs: settings('ai.circuit.cooldownSeconds') * 1000,
      maxConcurrent: settings('ai.request.maxConcurrent'),
      connectTimeoutMs: settings('ai.request.connectTimeoutMs'),
      firstTokenTimeoutMs: settings('ai.request.firstTokenTimeoutMs'),
      idleTimeoutMs: settings('ai.request.idleTimeoutMs'),
      initialBackoffMs: this.options.backoff?.initialMs ?? 500,
      maxBackoffMs: this.options.backoff?.maxMs ?? 8000,
      maxRetryAfterMs: 20_000,
    };
  }

  private async configuredProviders(): Promise<AiProvider[]> {
    const providers = this.registry.all();
    const setups = await Promise.all(providers.map((provider) => provider.setup()));
    return providers.filter((_, index) => setups[index]?.configured);
  }

  /** Tells listeners once per burst of changes (a circuit flapping, a model loading). */
  private providersChanged(): void {
    if (this.statusPending || this.disposed) return;
    this.statusPending = true;
    setImmediate(() => {
      this.statusPending = false;
      if (this.disposed) return;
      void this.providers().then((providers) => this.providerChanges.fire({ providers }));
    });
  }
}

async function finishGeneration(outcome: GenerationOutcome, emit: (chunk: AiGenerationChunk) => Promise<void>): Promise<void> {
  const answer = completedAnswer(outcome);
  if (answer) await emit({ kind: 'done', finishReason: outcome.finishReason, answeredBy: answer.answeredBy, cached: answer.cached, usage: answer.usage });
}

/** What a request without tools streams: everything of a generation but tool calls. */
type SpokenEvent = Exclude<GenerationEvent, { kind: 'toolCall' }>;

/** Requests other than chat offer no tools, so no tool calls can come; their streams have no place for them. */
function withoutToolCalls(emit: (chunk: SpokenEvent) => Promise<void>): (chunk: GenerationEvent) => Promise<void> {
  return (chunk) => (chunk.kind === 'toolCall' ? Promise.resolve() : emit(chunk));
}
