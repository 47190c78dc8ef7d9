import { z } from 'zod';
import { pluginIdSchema, pluginManifestSchema } from '../../plugins/manifest';
import { pluginPermissionsSchema, processCommandSchema, type PluginPermissionKind } from '../../plugins/permissions';
import { event, method, stream } from '../define';
import { aiAnswererSchema, aiCompleteInputSchema, aiGenerationOptionsSchema } from './ai';
import { textSearchFileSchema, textSearchInputSchema } from './search';
import { secretKeySchema } from './secrets';
import { stateKeySchema, stateScopeSchema } from './state';
import { terminalIdSchema } from './terminal';
import {
  directoryEntrySchema,
  fileChangeSchema,
  fileContentSchema,
  fileEncodingSchema,
  fileStatSchema,
  foundFilesSchema,
  relativePathSchema,
  writeFileResultSchema,
} from './workspace';

export const pluginSources = ['builtin', 'user'] as const;

/**
 * `ready`: enabled, approved and compatible: the workbench may load and activate it. `needs-approval`:
 * newly installed, or its manifest asks for more than the user granted. `incompatible`: this Lathe's
 * API is outside its `engines.lathe`. `invalid`: its manifest could not be read (see `errors`).
 */
export const pluginStates = ['ready', 'disabled', 'needs-approval', 'incompatible', 'invalid'] as const;

export const pluginInfoSchema = z.object({
  /** `publisher.name`; for a plugin whose manifest could not be read, the name of its folder. */
  id: z.string(),
  source: z.enum(pluginSources),
  enabled: z.boolean(),
  state: z.enum(pluginStates),
  /** Null when the manifest is invalid. */
  manifest: pluginManifestSchema.nullable(),
  /** Declared and implied activation events (a contributed command implies `onCommand:<id>`). */
  activationEvents: z.array(z.string()),
  requestedPermissions: pluginPermissionsSchema,
  grantedPermissions: pluginPermissionsSchema,
  /** Why the plugin cannot run: manifest errors naming their field, an engine mismatch. */
  errors: z.array(z.string()),
});
export type PluginInfo = z.infer<typeof pluginInfoSchema>;

/** Size and time bounds of the gateway: larger requests are refused with INVALID_INPUT, larger answers with TOO_LARGE. */
export const pluginApiLimits = {
  storageValueBytes: 1024 * 1024,
  storageBytesPerPlugin: 16 * 1024 * 1024,
  processTimeoutMs: { default: 30_000, max: 10 * 60_000 },
  processOutputBytes: { default: 1024 * 1024, max: 16 * 1024 * 1024 },
  fetchTimeoutMs: { default: 30_000, max: 120_000 },
  fetchResponseBytes: { default: 8 * 1024 * 1024, max: 32 * 1024 * 1024 },
  fetchRedirects: 5,
} as const;

const nothing = z.void();
const pathParams = z.object({ path: relativePathSchema });

const aiResultSchema = z.object({
  text: z.string(),
  answeredBy: aiAnswererSchema,
  finishReason: z.enum(['stop', 'length', 'tool-calls', 'content-filter']),
});

const fetchMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One member of the plugin API served by main: the permission it needs (null: none), its parameters and its result. */
const apiCall = <P extends z.ZodObject, R extends z.ZodType>(permission: PluginPermissionKind | null, params: P, result: R) => ({ permission, params, result });

/**
 * Every plugin API member that main serves. The renderer's plugin host turns `lathe.workspace.readFile(…)`
 * into `{ method: 'workspace.readFile', params: { … } }`; main checks `permission` before anything else.
 */
export const pluginApiCalls = {
  'workspace.readFile': apiCall('workspace.read', pathParams, fileContentSchema),
  'workspace.stat': apiCall('workspace.read', pathParams, fileStatSchema),
  'workspace.readDirectory': apiCall('workspace.read', pathParams, z.array(directoryEntrySchema)),
  /** Workspace files whose path matches `include` (a glob; all files when absent), honouring .gitignore and `files.exclude`. */
  'workspace.findFiles': apiCall(
    'workspace.read',
    z.object({ include: z.string().min(1).max(1000).optional(), exclude: z.string().min(1).max(1000).optional(), limit: z.number().int().positive().max(200_000).default(10_000) }),
    foundFilesSchema,
  ),
  'workspace.textSearch': apiCall(
    'workspace.read',
    textSearchInputSchema,
    z.object({ files: z.array(textSearchFileSchema), fileCount: z.number().int(), matchCount: z.number().int(), truncated: z.boolean() }),
  ),
  /** From now on, `onPluginEvent` carries the workspace's file changes to this plugin. */
  'workspace.watchFiles': apiCall('workspace.read', z.object({}), nothing),
  'workspace.unwatchFiles': apiCall('workspace.read', z.object({}), nothing),
  'workspace.writeFile': apiCall('workspace.write', z.object({ path: relativePathSchema, content: z.string().max(64 * 1024 * 1024), encoding: fileEncodingSchema.default('utf8') }), writeFileResultSchema),
  'workspace.createDirectory': apiCall('workspace.write', pathParams, nothing),
  'workspace.rename': apiCall('workspace.write', z.object({ from: relativePathSchema, to: relativePathSchema, overwrite: z.boolean().default(false) }), nothing),
  /** Moves to the OS trash where the shell has one. */
  'workspace.delete': apiCall('workspace.write', pathParams, nothing),
  /**
   * Asked by the renderer before it applies a plugin's workspace edit to open documents (undoable, in
   * the editor): checks the permission and every path; answers the paths in normalized form.
   */
  'workspace.checkEdit': apiCall('workspace.write', z.object({ paths: z.array(relativePathSchema).min(1).max(10_000) }), z.object({ paths: z.array(z.string()) })),

  /** A terminal in the workspace with the default profile; a plugin sees only the terminals it created. */
  'terminal.create': apiCall('terminal', z.object({ name: z.string().min(1).max(100).optional(), cwd: relativePathSchema.optional() }), z.object({ terminalId: terminalIdSchema })),
  'terminal.sendText': apiCall('terminal', z.object({ terminalId: terminalIdSchema, text: z.string().max(1024 * 1024), addNewLine: z.boolean().default(true) }), nothing),
  /** The terminal's recent output (what a reattaching window would replay). */
  'terminal.readOutput': apiCall('terminal', z.object({ terminalId: terminalIdSchema }), z.object({ text: z.string() })),
  'terminal.dispose': apiCall('terminal', z.object({ terminalId: terminalIdSchema }), nothing),

  /** Runs one of the programs the manifest declares, without a shell, in a workspace folder. */
  'process.run': apiCall(
    'process',
    z.object({
      command: processCommandSchema,
      args: z.array(z.string().max(32_768)).max(1000).default([]),
      /** Workspace-relative; the root by default. */
      cwd: relativePathSchema.default(''),
      stdin: z.string().max(pluginApiLimits.processOutputBytes.max).optional(),
      timeoutMs: z.number().int().positive().max(pluginApiLimits.processTimeoutMs.max).default(pluginApiLimits.processTimeoutMs.default),
      maxOutputBytes: z.number().int().positive().max(pluginApiLimits.processOutputBytes.max).default(pluginApiLimits.processOutputBytes.default),
    }),
    z.object({
      exitCode: z.number().int().nullable(),
      signal: z.string().nullable(),
      stdout: z.string(),
      stderr: z.string(),
      timedOut: z.boolean(),
      /** Output past `maxOutputBytes` was dropped (and the process stopped). */
      truncated: z.boolean(),
    }),
  ),

  /** An HTTP(S) request that main makes, to a declared host only (redirects included). */
  'network.fetch': apiCall(
    'network',
    z.object({
      url: z.string().max(8192),
      method: z.enum(fetchMethods).default('GET'),
      headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,200}$/, 'a header name'), z.string().max(16_384)).default({}),
      body: z.string().max(pluginApiLimits.fetchResponseBytes.max).optional(),
      /** `base64` for binary answers. */
      responseType: z.enum(['text', 'base64']).default('text'),
      timeoutMs: z.number().int().positive().max(pluginApiLimits.fetchTimeoutMs.max).default(pluginApiLimits.fetchTimeoutMs.default),
      maxBytes: z.number().int().positive().max(pluginApiLimits.fetchResponseBytes.max).default(pluginApiLimits.fetchResponseBytes.default),
    }),
    z.object({
      status: z.number().int(),
      statusText: z.string(),
      /** The address that answered, after redirects. */
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string(),
    }),
  ),

  /** A stateless chat through the AI orchestrator (routes, fallbacks, usage are the user's settings). */
  'ai.chat': apiCall(
    'ai',
    aiGenerationOptionsSchema.extend({
      /** The conversation so far, oldest first, ending with the user's message to answer. */
      messages: z
        .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1).max(1_000_000) }))
        .min(1)
        .max(200)
        .refine((messages) => messages.at(-1)?.role === 'user', 'the last message must be the user\'s'),
    }),
    aiResultSchema,
  ),
  'ai.complete': apiCall('ai', aiCompleteInputSchema, aiResultSchema),

  /** Key-value storage of this plugin alone (in the profile database); `workspace` scope belongs to the open folder. */
  'storage.get': apiCall(null, z.object({ key: stateKeySchema, scope: stateScopeSchema }), z.json().nullable()),
  'storage.set': apiCall(null, z.object({ key: stateKeySchema, scope: stateScopeSchema, value: z.json() }), nothing),
  'storage.delete': apiCall(null, z.object({ key: stateKeySchema, scope: stateScopeSchema }), nothing),
  'storage.keys': apiCall(null, z.object({ scope: stateScopeSchema }), z.array(z.string())),

  /** Secrets of this plugin alone, kept like the IDE's own (OS keychain). */
  'secrets.get': apiCall('secrets', z.object({ key: secretKeySchema }), z.string().nullable()),
  'secrets.set': apiCall('secrets', z.object({ key: secretKeySchema, value: z.string().min(1).max(64 * 1024) }), nothing),
  'secrets.delete': apiCall('secrets', z.object({ key: secretKeySchema }), nothing),

  /** Asked by the renderer before it reads or writes the clipboard for a plugin. */
  'clipboard.check': apiCall('clipboard', z.object({ access: z.enum(['read', 'write']) }), nothing),
} as const;

type PluginApiCalls = typeof pluginApiCalls;
export type PluginMethod = keyof PluginApiCalls;
export type PluginParams<M extends PluginMethod> = z.input<PluginApiCalls[M]['params']>;
export type PluginResult<M extends PluginMethod> = z.output<PluginApiCalls[M]['result']>;

export const pluginMethods = Object.keys(pluginApiCalls) as PluginMethod[];

type RequestOutput = { [M in PluginMethod]: { method: M; params: z.output<PluginApiCalls[M]['params']> } }[PluginMethod];
type RequestInput = { [M in PluginMethod]: { method: M; params: z.input<PluginApiCalls[M]['params']> } }[PluginMethod];
type ResponseOutput = { [M in PluginMethod]: { method: M; result: z.output<PluginApiCalls[M]['result']> } }[PluginMethod];
type ResponseInput = { [M in PluginMethod]: { method: M; result: z.input<PluginApiCalls[M]['result']> } }[PluginMethod];

/** One discriminated union over the table; the cast only names the type zod cannot infer from a mapped list. */
function unionOverMethods<K extends 'params' | 'result'>(field: K) {
  const options = pluginMethods.map((name) => z.object({ method: z.literal(name), [field]: pluginApiCalls[name][field] }));
  return z.discriminatedUnion('method', options as unknown as [z.ZodObject, ...z.ZodObject[]]);
}

export const pluginRequestSchema = unionOverMethods('params') as unknown as z.ZodType<RequestOutput, RequestInput>;
export type PluginRequest = RequestInput;
export const pluginResponseSchema = unionOverMethods('result') as unknown as z.ZodType<ResponseOutput, ResponseInput>;
export type PluginResponse = ResponseOutput;

/** What main pushes to one plugin (the renderer hands it to that plugin's port only). */
export const pluginEventSchema = z.discriminatedUnion('kind', [
  /** After `workspace.watchFiles`: the workspace's file changes, batched. */
  z.object({ kind: z.literal('workspace.didChangeFiles'), changes: z.array(fileChangeSchema) }),
  /** A terminal the plugin created has ended. */
  z.object({ kind: z.literal('terminal.didClose'), terminalId: terminalIdSchema }),
]);
export type PluginEvent = z.infer<typeof pluginEventSchema>;

export const pluginInstallResultSchema = z.object({
  plugin: pluginInfoSchema,
  /** What the user must approve before the plugin runs (`approve`); empty for an update that asks for nothing new. */
  permissionsToApprove: pluginPermissionsSchema,
});

const pluginRef = z.object({ id: pluginIdSchema });

/** A step kind a plugin contributes: `uses: plugin:<publisher>.<name>/<kind>` in a pipeline. */
export const pipelineStepKindSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, "_" and "-"');

/** Names to text: a step's inputs, environment and outputs. */
export const pluginStepValuesSchema = z.record(z.string().max(1000), z.string().max(1024 * 1024));

/** A pipeline step a plugin runs: its evaluated `with:` inputs, its environment and its folder (relative to the run's working tree). */
export const pluginStepSchema = z.object({ with: pluginStepValuesSchema, env: pluginStepValuesSchema, workingDirectory: z.string().max(4096) });
export type PluginStep = z.infer<typeof pluginStepSchema>;

/** What main asks of the workbench that serves plugin steps: run one, or stop one it asked for earlier. */
export const pluginStepRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), requestId: z.string(), plugin: pluginIdSchema, stepKind: pipelineStepKindSchema, step: pluginStepSchema }),
  z.object({ kind: z.literal('cancel'), requestId: z.string() }),
]);
export type PluginStepRequest = z.infer<typeof pluginStepRequestSchema>;

const stepAnswerRef = z.object({ plugin: pluginIdSchema, requestId: z.string().min(1).max(100) });

/** The end of a plugin step: its outputs (what later steps read as `steps.<id>.outputs`), or the error that fails it. */
const pluginStepAnswerSchema = stepAnswerRef.extend({ ok: z.boolean(), outputs: pluginStepValuesSchema.optional(), error: z.string().max(10_000).optional() });
export type PluginStepAnswer = z.infer<typeof pluginStepAnswerSchema>;

export const pluginsService = {
  /** Built-in plugins, then those the user installed; invalid ones are listed with their errors. */
  list: method(z.void(), z.array(pluginInfoSchema)),
  /**
   * Installs (or updates) a plugin from a folder (copied) or a `.lathe-plugin` archive, given by an
   * absolute path. Nothing of it runs until `approve`; an update that asks for no new permission keeps its approval.
   */
  install: method(z.object({ path: z.string().min(1).max(4096) }), pluginInstallResultSchema),
  /**
   * Grants what the manifest asks for. `permissions` is the plugin's whole `requestedPermissions` as the
   * user saw them: CONFLICT when the manifest asks for something else by now.
   */
  approve: method(pluginRef.extend({ permissions: pluginPermissionsSchema }), pluginInfoSchema),
  setEnabled: method(pluginRef.extend({ enabled: z.boolean() }), pluginInfoSchema),
  /** Removes a user plugin, its storage and its secrets. Built-in plugins can only be disabled. */
  uninstall: method(pluginRef, z.void()),
  /** Reads the plugin's folder again (after its files changed); the workbench restarts it. */
  reload: method(pluginRef, pluginInfoSchema),
  /** The text of a ready plugin's `main` script, for the sandbox (the renderer never learns a path). */
  code: method(pluginRef, z.object({ text: z.string() })),
  /** The plugin API gateway; `plugin` is set by the renderer from the port the request came through, never by plugin code. */
  call: method(z.object({ plugin: pluginIdSchema, request: pluginRequestSchema }), pluginResponseSchema),
  onDidChangePlugins: event(z.object({ plugins: z.array(pluginInfoSchema) })),
  onPluginEvent: event(z.object({ plugin: pluginIdSchema, event: pluginEventSchema })),
  /**
   * Opened by the workbench that runs plugins: the pipeline steps main asks its plugins to run, and
   * their cancellations. Main sends each request to one connection, the one whose stream opened last;
   * only that connection's `stepLog` and `completeStep` count for it.
   */
  stepRequests: stream(z.void(), pluginStepRequestSchema),
  /** A line of a running plugin step's log; `plugin` is set from the port it came through, as for `call`. */
  stepLog: method(stepAnswerRef.extend({ line: z.string().max(64 * 1024) }), z.void()),
  completeStep: method(pluginStepAnswerSchema, z.void()),
} as const;
