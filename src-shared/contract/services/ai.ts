import { z } from 'zod';
import { event, method, stream } from '../define';
import { relativePathSchema } from './workspace';

/** What a request is for; each feature has its own route (provider + model, then fallbacks) in settings. */
export const aiFeatures = ['chat', 'edit', 'completion', 'embeddings'] as const;
export const aiFeatureSchema = z.enum(aiFeatures);
export type AiFeature = z.infer<typeof aiFeatureSchema>;

export const aiProviderKinds = ['openai', 'anthropic', 'openai-compatible', 'local'] as const;
export type AiProviderKind = (typeof aiProviderKinds)[number];

/** `openai`, `anthropic`, `local`, or the id of an OpenAI-compatible server from `ai.compatible.servers`. */
export const aiProviderIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes');
export type AiProviderId = z.infer<typeof aiProviderIdSchema>;

export const aiModelRefSchema = z.object({
  provider: aiProviderIdSchema,
  /** The provider's model id; absent picks the provider's default for the feature (the loaded file for `local`). */
  model: z.string().min(1).max(200).optional(),
});
export type AiModelRef = z.infer<typeof aiModelRefSchema>;

/** A provider and the model that answered (always resolved, never a default placeholder). */
export const aiAnswererSchema = z.object({ provider: aiProviderIdSchema, model: z.string() });
export type AiAnswerer = z.infer<typeof aiAnswererSchema>;

/** Why a provider did not answer; the UI words it, the message says it in full. */
export const aiFailureCodes = [
  'not-configured',
  'circuit-open',
  'busy',
  'rate-limited',
  'server-error',
  'timeout',
  'connection',
  'auth',
  'bad-request',
  'malformed-response',
  'model-unavailable',
  'unsupported',
] as const;
export const aiFailureSchema = z.object({ code: z.enum(aiFailureCodes), message: z.string() });
export type AiFailure = z.infer<typeof aiFailureSchema>;

/** Base URLs of the usual local OpenAI-compatible servers; a server entry with a preset may leave its URL out. */
export const aiCompatiblePresets = {
  ollama: { label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
  lmstudio: { label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1' },
  llamacpp: { label: 'llama.cpp server', baseUrl: 'http://127.0.0.1:8080/v1' },
  vllm: { label: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1' },
  custom: { label: 'OpenAI-compatible server', baseUrl: null },
} as const;
export type AiCompatiblePreset = keyof typeof aiCompatiblePresets;

/** Provider ids that name the built-in providers; a compatible server cannot take them. */
export const aiBuiltInProviderIds = ['openai', 'anthropic', 'local'] as const;

export const aiThreadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const aiMessageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A function the model may call; `parameters` is a JSON Schema object. */
export const aiToolSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  description: z.string().max(4000).default(''),
  parameters: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
});
export type AiTool = z.infer<typeof aiToolSchema>;

export const aiToolCallSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  /** The arguments as the model wrote them: JSON text, normally an object matching the tool's parameters. */
  arguments: z.string(),
});
export type AiToolCall = z.infer<typeof aiToolCallSchema>;

export const aiUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** False when the provider did not report tokens and they were estimated (see `ai.countTokens`). */
  exact: z.boolean(),
  /** US dollars from the price table; 0 for local models and cached answers, null when the model has no price. */
  costUsd: z.number().nonnegative().nullable(),
  /** From sending the request to the first streamed output; null when nothing was streamed. */
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
});
export type AiUsage = z.infer<typeof aiUsageSchema>;

/**
 * Context to send with a message. Files are read through the workspace's path guard; files on the deny
 * list (`.env*`, `*.pem`, `*.key`, `id_rsa*`, `.lathe/ai-ignore`) are refused unless `allowSensitive` is
 * set after the user explicitly allowed that file. Secret-looking strings are masked in every attachment.
 */
export const aiAttachmentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    path: relativePathSchema,
    /** 1-based inclusive line range (a selection); the whole file when absent. */
    lines: z.object({ start: z.number().int().positive(), end: z.number().int().positive() }).optional(),
    allowSensitive: z.boolean().default(false),
  }),
  /** The folder's file names (not their contents), for `@folder`. */
  z.object({ kind: z.literal('folder'), path: relativePathSchema }),
  /** Text the workbench already holds: a selection, terminal output, problems. */
  z.object({ kind: z.literal('text'), label: z.string().min(1).max(200), text: z.string().max(1_000_000) }),
]);
export type AiAttachment = z.input<typeof aiAttachmentSchema>;

export const aiAttachmentReportSchema = z.object({
  label: z.string(),
  path: z.string().nullable(),
  status: z.enum(['attached', 'refused', 'missing']),
  /** Why a file was refused or not found. */
  reason: z.string().optional(),
  /** How many secret-looking strings were masked in it. */
  redactions: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
});
export type AiAttachmentReport = z.infer<typeof aiAttachmentReportSchema>;

export const aiMessageRoles = ['user', 'assistant', 'tool'] as const;

export const aiMessageSchema = z.object({
  id: aiMessageIdSchema,
  threadId: aiThreadIdSchema,
  role: z.enum(aiMessageRoles),
  content: z.string(),
  createdAt: z.number(),
  /** `stopped`: cancelled while streaming (the text is what arrived); `error`: the request failed. */
  status: z.enum(['complete', 'stopped', 'error']),
  error: aiFailureSchema.optional(),
  /** User messages: what was attached when it was sent. */
  attachments: z.array(aiAttachmentReportSchema).optional(),
  /** Assistant messages: the tools the model asked to run. */
  toolCalls: z.array(aiToolCallSchema).optional(),
  /** Tool messages: the call this result answers. */
  toolCallId: z.string().optional(),
  /** Assistant messages: who answered. */
  answeredBy: aiAnswererSchema.optional(),
  usage: aiUsageSchema.optional(),
});
export type AiMessage = z.infer<typeof aiMessageSchema>;

export const aiThreadSchema = z.object({
  id: aiThreadIdSchema,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messageCount: z.number().int().nonnegative(),
});
export type AiThread = z.infer<typeof aiThreadSchema>;

const threadTitleSchema = z.string().trim().min(1).max(200);
const messageTextSchema = z.string().min(1).max(500_000);

/** What a chat request does to its thread before the model answers. */
export const aiChatActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('send'), text: messageTextSchema, attachments: z.array(aiAttachmentSchema).max(50).default([]) }),
  /** Answers the last user message again, replacing the answers after it. */
  z.object({ kind: z.literal('regenerate') }),
  /** Replaces a user message and drops everything after it, then answers it. */
  z.object({ kind: z.literal('edit'), messageId: aiMessageIdSchema, text: messageTextSchema, attachments: z.array(aiAttachmentSchema).max(50).default([]) }),
  /** Results of the tool calls of the last answer; the model then continues. */
  z.object({
    kind: z.literal('toolResults'),
    results: z.array(z.object({ toolCallId: z.string().min(1).max(200), content: z.string().max(1_000_000) })).min(1).max(64),
  }),
]);

export const aiGenerationOptionsSchema = z.object({
  /** The model picker's choice: tried first, before the feature's route; fallbacks still apply. */
  model: aiModelRefSchema.optional(),
  /** Default: `ai.chat.temperature` (chat) or 0 (edit, completion). Only temperature 0 is cached, unless settings say otherwise. */
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(1).max(200_000).optional(),
});

export const aiChatInputSchema = aiGenerationOptionsSchema.extend({
  /** Absent: a new thread is created and titled from the message. */
  threadId: aiThreadIdSchema.optional(),
  action: aiChatActionSchema,
  tools: z.array(aiToolSchema).max(64).default([]),
});
export type AiChatInput = z.input<typeof aiChatInputSchema>;

export const aiRuleFileSchema = z.object({ path: z.string(), tokens: z.number().int().nonnegative() });
export type AiRuleFile = z.infer<typeof aiRuleFileSchema>;

/** A provider started answering (after any fallbacks); everything streamed after it comes from this model. */
const answeringChunk = z.object({
  kind: z.literal('answering'),
  provider: aiProviderIdSchema,
  model: z.string(),
  /** The answer is replayed from the response cache. */
  cached: z.boolean(),
});
/** A provider of the route could not answer; the next one is tried. */
const fallbackChunk = z.object({
  kind: z.literal('fallback'),
  from: aiAnswererSchema,
  reason: aiFailureSchema,
  /** The next candidate, or null when none is left. */
  to: aiAnswererSchema.nullable(),
});
/** Something the user should see about this request: never a silent change. */
const noticeChunk = z.object({
  kind: z.literal('notice'),
  code: z.enum(['history-trimmed', 'context-truncated', 'retrying', 'attachment-refused']),
  message: z.string(),
});
const textChunk = z.object({ kind: z.literal('text'), text: z.string() });

const finishReasons = ['stop', 'length', 'tool-calls', 'content-filter'] as const;

export const aiGenerationChunkSchema = z.discriminatedUnion('kind', [
  answeringChunk,
  fallbackChunk,
  noticeChunk,
  textChunk,
  z.object({
    kind: z.literal('done'),
    finishReason: z.enum(finishReasons),
    answeredBy: aiAnswererSchema,
    cached: z.boolean(),
    usage: aiUsageSchema,
  }),
]);
export type AiGenerationChunk = z.infer<typeof aiGenerationChunkSchema>;

/**
 * A chat answer as it streams: `start` first (ids, rules files and attachments used), then `answering`
 * (with `fallback` before it when a provider failed), `text` and `toolCall` chunks, `notice`s, and `done`
 * with the stored message. A failure ends the stream with a LatheError whose details list each provider's
 * failure; a cancel stops the provider and keeps the partial answer as a `stopped` message.
 */
export const aiChatChunkSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('start'),
    thread: aiThreadSchema,
    /** The user message sent or edited; null for regenerate and tool results. */
    userMessage: aiMessageSchema.nullable(),
    /** Ids of messages removed by regenerate or edit. */
    removedMessageIds: z.array(aiMessageIdSchema),
    /** Rules files included in the system prompt (show an indicator). */
    rules: z.array(aiRuleFileSchema),
    /** Prompt tokens of the request as sent, against the model's window (the token meter). */
    promptTokens: z.number().int().nonnegative(),
    contextWindow: z.number().int().positive(),
  }),
  answeringChunk,
  fallbackChunk,
  noticeChunk,
  textChunk,
  z.object({ kind: z.literal('toolCall'), call: aiToolCallSchema }),
  z.object({ kind: z.literal('done'), finishReason: z.enum(finishReasons), cached: z.boolean(), message: aiMessageSchema }),
]);
export type AiChatChunk = z.infer<typeof aiChatChunkSchema>;

export const aiEditInputSchema = aiGenerationOptionsSchema.extend({
  instruction: z.string().min(1).max(20_000),
  /** The code to rewrite; the answer is its replacement only. */
  code: z.string().max(500_000),
  /** For the language and the rules; the file itself is not read. */
  path: relativePathSchema.optional(),
  language: z.string().max(100).optional(),
});
export type AiEditInput = z.input<typeof aiEditInputSchema>;

/** A 1-based, inclusive range of lines; `endLine = startLine - 1` is the empty range before `startLine` (an insertion). */
export const aiLineRegionSchema = z
  .object({ startLine: z.number().int().positive(), endLine: z.number().int().nonnegative() })
  .refine((region) => region.endLine >= region.startLine - 1, 'endLine must be at least startLine - 1');
export type AiLineRegion = z.infer<typeof aiLineRegionSchema>;

/** One change of a pending edit; lines keep their endings, starts are 0-based line indexes. */
export const aiEditHunkSchema = z.object({
  id: z.number().int().nonnegative(),
  oldStart: z.number().int().nonnegative(),
  newStart: z.number().int().nonnegative(),
  oldLines: z.array(z.string()),
  newLines: z.array(z.string()),
});
export type AiEditHunk = z.infer<typeof aiEditHunkSchema>;

export const aiEditRefusalReasons = ['not-found', 'ambiguous', 'empty-search', 'elision-mismatch', 'unparsed', 'unsafe-rewrite', 'syntax-error'] as const;

/** A block of the model's answer that was not applied, with why and the text that came closest. */
export const aiEditRefusalSchema = z.object({
  /** Index of the block in the answer; -1 when the whole answer is refused. */
  blockIndex: z.number().int().min(-1),
  reason: z.enum(aiEditRefusalReasons),
  detail: z.string(),
  search: z.array(z.string()),
  closest: z.object({ startLine: z.number().int().positive(), endLine: z.number().int().nonnegative(), similarity: z.number().min(0).max(1) }).optional(),
  closestText: z.string().optional(),
});
export type AiEditRefusal = z.infer<typeof aiEditRefusalSchema>;

/** The outcome of an edit: nothing is written; the client accepts all hunks, some, or none. */
export const aiPendingEditSchema = z.object({
  path: z.string(),
  original: z.string(),
  newText: z.string(),
  hunks: z.array(aiEditHunkSchema),
  applied: z.array(
    z.object({
      blockIndex: z.number().int().nonnegative(),
      layer: z.enum(['exact', 'trailing-whitespace', 'whitespace', 'elision', 'fuzzy']),
      startLine: z.number().int().positive(),
      endLine: z.number().int().nonnegative(),
    }),
  ),
  refusals: z.array(aiEditRefusalSchema),
});
export type AiPendingEdit = z.infer<typeof aiPendingEditSchema>;

export const aiProposeEditInputSchema = aiGenerationOptionsSchema.extend({
  path: relativePathSchema,
  /** The file's text as the editor holds it (saved or not); the edit is planned against exactly this text. */
  content: z.string().max(5_000_000),
  instruction: z.string().trim().min(1).max(20_000),
  /**
   * The lines to rewrite (a selection, or an empty range at the cursor to insert there); the answer replaces them.
   * Absent: the model answers with SEARCH/REPLACE blocks anywhere in the file.
   */
  region: aiLineRegionSchema.optional(),
  language: z.string().max(100).optional(),
  /** Earlier turns of the same edit, oldest first; the new instruction refines the last answer. */
  history: z.array(z.object({ instruction: z.string().max(20_000), answer: z.string().max(1_000_000) })).max(20).default([]),
  /** What the edit is about beyond the instruction: a diagnostic to fix, a review finding. */
  context: z.string().max(200_000).optional(),
});
export type AiProposeEditInput = z.input<typeof aiProposeEditInputSchema>;

/**
 * An edit as it is made: the model's answer streams as `text`; if blocks of it are refused, `retry` says so and
 * the model is asked once more (its corrected answer streams as `text` again); `plan` carries the pending edit
 * (hunks to accept, blocks still refused), and `done` ends the stream.
 */
export const aiProposeEditChunkSchema = z.discriminatedUnion('kind', [
  answeringChunk,
  fallbackChunk,
  noticeChunk,
  textChunk,
  z.object({ kind: z.literal('retry'), refusals: z.array(aiEditRefusalSchema) }),
  z.object({ kind: z.literal('plan'), edit: aiPendingEditSchema, answer: z.string(), retried: z.boolean() }),
  z.object({ kind: z.literal('done'), answeredBy: aiAnswererSchema, cached: z.boolean(), usage: aiUsageSchema }),
]);
export type AiProposeEditChunk = z.infer<typeof aiProposeEditChunkSchema>;

export const aiReviewCategories = ['security', 'performance', 'smell', 'best-practice', 'bug'] as const;

/** Something a review found: where, how bad, and what to do about it. */
export const aiReviewFindingSchema = z.object({
  category: z.enum(aiReviewCategories),
  severity: z.enum(['error', 'warning', 'info']),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  message: z.string().min(1).max(2000),
  suggestion: z.string().max(4000).optional(),
});
export type AiReviewFinding = z.infer<typeof aiReviewFindingSchema>;

export const aiReviewInputSchema = aiGenerationOptionsSchema.extend({
  path: relativePathSchema,
  content: z.string().max(2_000_000),
  /** Review only these lines (a selection); the whole file when absent. */
  region: aiLineRegionSchema.optional(),
  language: z.string().max(100).optional(),
  categories: z.array(z.enum(aiReviewCategories)).min(1).default([...aiReviewCategories]),
});
export type AiReviewInput = z.input<typeof aiReviewInputSchema>;

/** A review as it is made: the answer streams as `text`, then `findings` (lines checked against the file), then `done`. */
export const aiReviewChunkSchema = z.discriminatedUnion('kind', [
  answeringChunk,
  fallbackChunk,
  noticeChunk,
  textChunk,
  z.object({ kind: z.literal('findings'), path: z.string(), findings: z.array(aiReviewFindingSchema), dropped: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('done'), answeredBy: aiAnswererSchema, cached: z.boolean(), usage: aiUsageSchema }),
]);
export type AiReviewChunk = z.infer<typeof aiReviewChunkSchema>;

export const aiCompleteInputSchema = aiGenerationOptionsSchema.extend({
  prefix: z.string().max(200_000),
  suffix: z.string().max(200_000).default(''),
  path: relativePathSchema.optional(),
  language: z.string().max(100).optional(),
});
export type AiCompleteInput = z.input<typeof aiCompleteInputSchema>;

export const aiEmbedResultSchema = z.object({
  answeredBy: aiAnswererSchema,
  vectors: z.array(z.array(z.number())),
  usage: aiUsageSchema,
});

export const aiModelInfoSchema = z.object({
  provider: aiProviderIdSchema,
  model: z.string(),
  label: z.string(),
  features: z.array(aiFeatureSchema),
  /** Tokens the model reads at most (prompt + answer); null when unknown. */
  contextWindow: z.number().int().positive().nullable(),
});
export type AiModelInfo = z.infer<typeof aiModelInfoSchema>;

export const aiLocalModelStateSchema = z.object({
  state: z.enum(['unloaded', 'loading', 'loaded', 'error']),
  modelPath: z.string(),
  /** `cuda`, `vulkan`, `metal`, or `cpu` once loaded. */
  backend: z.string().nullable(),
  threads: z.number().int().positive(),
  contextSize: z.number().int().positive(),
  error: z.string().optional(),
});
export type AiLocalModelState = z.infer<typeof aiLocalModelStateSchema>;

export const aiProviderStatusSchema = z.object({
  id: aiProviderIdSchema,
  kind: z.enum(aiProviderKinds),
  label: z.string(),
  /** Where requests go; null for the embedded model. */
  baseUrl: z.string().nullable(),
  /** Has what it needs to be tried (a key, a server address, a model file). */
  configured: z.boolean(),
  /** Whether its API key is set; null when it works without one (local servers). The key itself never leaves main. */
  keySet: z.boolean().nullable(),
  /** The secret name its key is stored under (for `secrets.set`); null when it needs none. */
  keySecret: z.string().nullable(),
  circuit: z.enum(['closed', 'open', 'half-open']),
  health: z.object({
    state: z.enum(['unknown', 'ok', 'error']),
    checkedAt: z.number().nullable(),
    latencyMs: z.number().nonnegative().nullable(),
    message: z.string().optional(),
  }),
  local: aiLocalModelStateSchema.optional(),
});
export type AiProviderStatus = z.infer<typeof aiProviderStatusSchema>;

export const aiUsageRowSchema = z.object({
  provider: z.string(),
  model: z.string(),
  feature: aiFeatureSchema,
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  errorRate: z.number().min(0).max(1),
  cachedRequests: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  latencyP50Ms: z.number().nonnegative().nullable(),
  latencyP95Ms: z.number().nonnegative().nullable(),
  timeToFirstTokenP50Ms: z.number().nonnegative().nullable(),
});
export type AiUsageRow = z.infer<typeof aiUsageRowSchema>;

export const aiUsageSummarySchema = z.object({
  /** One row per provider, model and feature. */
  rows: z.array(aiUsageRowSchema),
  /** Per provider across models and features (status bar, error rate and latency charts). */
  providers: z.array(aiUsageRowSchema.omit({ model: true, feature: true })),
  /** Per day (UTC, `YYYY-MM-DD`) and model, for the tokens and cost charts. */
  daily: z.array(
    z.object({
      day: z.string(),
      provider: z.string(),
      model: z.string(),
      requests: z.number().int().nonnegative(),
      inputTokens: z.number().int().nonnegative(),
      outputTokens: z.number().int().nonnegative(),
      costUsd: z.number().nonnegative(),
    }),
  ),
});
export type AiUsageSummary = z.infer<typeof aiUsageSummarySchema>;

export const aiSearchHitSchema = z.object({
  threadId: aiThreadIdSchema,
  threadTitle: z.string(),
  messageId: aiMessageIdSchema,
  role: z.enum(aiMessageRoles),
  createdAt: z.number(),
  /** A few words around the match. */
  snippet: z.string(),
  /** [start, end) UTF-16 offsets of matched words inside `snippet`. */
  highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type AiSearchHit = z.infer<typeof aiSearchHitSchema>;

export const aiDownloadChunkSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('progress'),
    receivedBytes: z.number().int().nonnegative(),
    /** Null when the server did not say. */
    totalBytes: z.number().int().nonnegative().nullable(),
    /** True when an earlier partial download was continued. */
    resumed: z.boolean(),
  }),
  /** The file is complete (and matched `sha256` when one was given); set `ai.local.modelPath` to `path` to use it. */
  z.object({ kind: z.literal('done'), path: z.string(), sizeBytes: z.number().int().nonnegative(), sha256: z.string() }),
]);
export type AiDownloadChunk = z.infer<typeof aiDownloadChunkSchema>;

export const aiService = {
  /** Sends a message (or regenerates, edits, returns tool results) and streams the answer; see `aiChatChunkSchema`. */
  chat: stream(aiChatInputSchema, aiChatChunkSchema),
  /** Rewrites `code` as the instruction says (route `edit`); streams the replacement, no thread is kept. */
  edit: stream(aiEditInputSchema, aiGenerationChunkSchema),
  /** Asks for an edit of a file (a region rewrite or SEARCH/REPLACE blocks) and plans it with the apply engine; never writes. */
  proposeEdit: stream(aiProposeEditInputSchema, aiProposeEditChunkSchema),
  /** Reviews a file or a selection for security, performance, smells, best practices and bugs; streams the findings. */
  review: stream(aiReviewInputSchema, aiReviewChunkSchema),
  /** Plans a model's answer against a text without asking a model (an answer pasted from chat, a plugin's edit). */
  planEdit: method(z.object({ path: relativePathSchema, content: z.string().max(5_000_000), answer: z.string().max(2_000_000), region: aiLineRegionSchema.optional() }), aiPendingEditSchema),
  /** A commit message for the staged changes (route `chat`), written in the repository's recent style; streams it. */
  commitMessage: stream(aiGenerationOptionsSchema, aiGenerationChunkSchema),
  /** Fill-in-the-middle completion at the cursor (route `completion`); cancel it on the next keystroke. */
  complete: stream(aiCompleteInputSchema, aiGenerationChunkSchema),
  /** Embeddings for up to 256 texts (route `embeddings`), in the order given. */
  embed: method(
    z.object({ texts: z.array(z.string().max(100_000)).min(1).max(256), model: aiModelRefSchema.optional() }),
    aiEmbedResultSchema,
  ),
  /** Tokens of a draft as it would be sent in a thread (history, rules, text), against the model's window. */
  countTokens: method(
    z.object({ text: z.string().max(2_000_000).default(''), threadId: aiThreadIdSchema.optional(), model: aiModelRefSchema.optional() }),
    z.object({
      tokens: z.number().int().nonnegative(),
      contextWindow: z.number().int().positive(),
      /** False for cloud models: their count is an estimate (UTF-8 bytes / 4 + 4 per message). */
      exact: z.boolean(),
      answeredBy: aiAnswererSchema,
    }),
  ),
  /** Every model of every configured provider (servers are asked for theirs); providers that failed are listed with why. */
  models: method(
    z.void(),
    z.object({ models: z.array(aiModelInfoSchema), failures: z.array(z.object({ provider: aiProviderIdSchema, reason: aiFailureSchema })) }),
  ),
  /** Every provider with its configuration, circuit and last health check. */
  providers: method(z.void(), z.array(aiProviderStatusSchema)),
  /** Checks providers now (one, or every configured one) and returns their status. */
  checkHealth: method(z.object({ provider: aiProviderIdSchema.optional() }), z.array(aiProviderStatusSchema)),
  /** A provider's status changed: circuit, health, local model state. */
  onDidChangeProviders: event(z.object({ providers: z.array(aiProviderStatusSchema) })),
  /** Stops the embedded model's process now (it starts again on the next request). */
  unloadLocalModel: method(z.void(), z.void()),
  /** Downloads a GGUF model into the profile's models folder; resumes a partial file; cancel to stop. */
  downloadModel: stream(
    z.object({
      url: z.url({ protocol: /^https?$/ }).max(4096),
      /** Expected SHA-256 (hex); a mismatch deletes the file and fails. */
      sha256: z.string().regex(/^[a-fA-F0-9]{64}$/).optional(),
      /** Default: the URL's last path segment. */
      fileName: z.string().regex(/^[A-Za-z0-9._-]{1,200}\.gguf$/).optional(),
    }),
    aiDownloadChunkSchema,
  ),
  /** Threads of the open folder, most recently updated first. */
  listThreads: method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().nonnegative().default(0) }),
    z.array(aiThreadSchema),
  ),
  getThread: method(z.object({ id: aiThreadIdSchema }), z.object({ thread: aiThreadSchema, messages: z.array(aiMessageSchema) })),
  createThread: method(z.object({ title: threadTitleSchema.optional() }), aiThreadSchema),
  renameThread: method(z.object({ id: aiThreadIdSchema, title: threadTitleSchema }), aiThreadSchema),
  deleteThread: method(z.object({ id: aiThreadIdSchema }), z.void()),
  /** Adds a message without asking a model (a note, an imported exchange). */
  appendMessage: method(
    z.object({ threadId: aiThreadIdSchema, role: z.enum(['user', 'assistant']), content: messageTextSchema }),
    aiMessageSchema,
  ),
  /** Full-text search over the open folder's messages (words; the last one also matches as a prefix). */
  searchThreads: method(
    z.object({ query: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(200).default(50) }),
    z.array(aiSearchHitSchema),
  ),
  /** A thread was created, renamed, deleted, or got messages. */
  onDidChangeThreads: event(z.object({ threadIds: z.array(aiThreadIdSchema) })),
  /** Tokens, cost, latency and errors per provider, model and feature, between two times (ms since epoch). */
  usageSummary: method(z.object({ since: z.number().optional(), until: z.number().optional() }), aiUsageSummarySchema),
  /** Empties the response cache. */
  clearCache: method(z.void(), z.object({ removed: z.number().int().nonnegative() })),
} as const;
