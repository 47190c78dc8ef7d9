import { z } from 'zod';
import { event, method, stream } from '../define';

/**
 * A pipeline is named by its file, relative to the workspace: `.lathe/pipelines/<name>.yml` (Lathe's own,
 * GitHub Actions' key names plus Lathe's extras) or `.github/workflows/<name>.yml` (run as GitHub would).
 */
export const pipelineIdSchema = z.string().min(1).max(1024);
export const pipelineRunIdSchema = z.string().regex(/^[0-9a-z-]{1,64}$/, 'a run id');
/** A job of a run: its id in the file, or `<id>.<n>` for the n-th (1-based) combination of its matrix. */
export const pipelineJobKeySchema = z.string().min(1).max(200);

/** A 1-based position in a pipeline file; `end` is exclusive and absent when only the start is known. */
export const pipelineDiagnosticSchema = z.object({
  /** Workspace-relative path with `/` separators. */
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  endColumn: z.number().int().positive().optional(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type PipelineDiagnostic = z.infer<typeof pipelineDiagnosticSchema>;

export const pipelineTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  /** On save of a file matching one of `paths` (globs; empty: any file), debounced. */
  z.object({ kind: z.literal('save'), paths: z.array(z.string()) }),
  /** After a commit: made in Lathe or seen by the watcher. */
  z.object({ kind: z.literal('commit') }),
]);
export type PipelineTrigger = z.infer<typeof pipelineTriggerSchema>;

/** An input a run can be given (`on.workflow_dispatch.inputs` of a GitHub workflow, `on.manual.inputs` of a Lathe pipeline). */
export const pipelineInputSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  type: z.enum(['string', 'boolean', 'number', 'choice', 'environment']),
  required: z.boolean(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  options: z.array(z.string()).optional(),
});

export const pipelineExecutors = ['local', 'container'] as const;
export const pipelineExecutorSchema = z.enum(pipelineExecutors);
export type PipelineExecutor = z.infer<typeof pipelineExecutorSchema>;

/** A job as the file declares it, for drawing the DAG before a run (a matrix fans out when the run starts). */
export const pipelineJobOutlineSchema = z.object({
  id: z.string(),
  name: z.string(),
  needs: z.array(z.string()),
  hasMatrix: z.boolean(),
  executor: pipelineExecutorSchema,
  /** Where the job starts in its file. */
  line: z.number().int().positive(),
});

export const pipelineSummarySchema = z.object({
  id: pipelineIdSchema,
  kind: z.enum(['lathe', 'github']),
  name: z.string(),
  triggers: z.array(pipelineTriggerSchema),
  inputs: z.array(pipelineInputSchema),
  jobs: z.array(pipelineJobOutlineSchema),
  /** Everything found before running: YAML and schema errors, `needs` cycles, unsupported actions, missing shells… */
  diagnostics: z.array(pipelineDiagnosticSchema),
  /** False when a diagnostic is an error: such a pipeline cannot start. */
  valid: z.boolean(),
});
export type PipelineSummary = z.infer<typeof pipelineSummarySchema>;

export const pipelineListSchema = z.object({
  pipelines: z.array(pipelineSummarySchema),
  /** Whether save and commit triggers may start runs (`pipelines.automaticTriggers`); manual runs always can. */
  automaticTriggers: z.boolean(),
});
export type PipelineList = z.infer<typeof pipelineListSchema>;

/**
 * Every run, job and step is in one of these states. `paused`: a step failed in a run started with
 * `pauseOnFailure`, and its job waits for `resume`. `skipped`: its `if` was false (or its needs failed).
 */
export const pipelineStates = ['queued', 'running', 'paused', 'success', 'failure', 'cancelled', 'skipped'] as const;
export const pipelineStateSchema = z.enum(pipelineStates);
export type PipelineState = z.infer<typeof pipelineStateSchema>;

export const pipelineRunTriggers = ['manual', 'save', 'commit', 'rerun'] as const;

export const pipelineRunSchema = z.object({
  id: pipelineRunIdSchema,
  pipelineId: pipelineIdSchema,
  pipelineName: z.string(),
  /** Counts the runs of this pipeline in this workspace, from 1. */
  number: z.number().int().positive(),
  trigger: z.enum(pipelineRunTriggers),
  /** The run this one reruns; with `failedOnly`, the jobs that succeeded there were reused, not run again. */
  rerunOf: pipelineRunIdSchema.nullable(),
  failedOnly: z.boolean(),
  state: pipelineStateSchema,
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type PipelineRun = z.infer<typeof pipelineRunSchema>;

export const pipelineAttemptSchema = z.object({
  /** 1 for the first try; retries (`retry:`) and retries after a pause add attempts, never replace one. */
  number: z.number().int().positive(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  /** Lines in this attempt's log so far. */
  logLines: z.number().int().nonnegative(),
  /** The output passed `pipelines.logCapMegabytes`: what followed was dropped. */
  logTruncated: z.boolean(),
});
export type PipelineAttempt = z.infer<typeof pipelineAttemptSchema>;

export const pipelineStepKinds = ['run', 'action', 'cache-restore', 'cache-save', 'artifacts'] as const;

export const pipelineStepSchema = z.object({
  index: z.number().int().nonnegative(),
  /** The step's `id`, or one Lathe made up (`__run_2`). */
  id: z.string(),
  name: z.string(),
  /** `run` and `action` come from the file; the others are Lathe's `cache:` and `artifacts:` at the job's start and end. */
  kind: z.enum(pipelineStepKinds),
  state: pipelineStateSchema,
  /** The result before `continue-on-error` (GitHub's `steps.<id>.outcome`); `state` is the conclusion. */
  outcome: pipelineStateSchema.nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  /** The evaluated script (`run`) or action reference (`uses`), with secrets masked. */
  command: z.string(),
  exitCode: z.number().int().nullable(),
  attempts: z.array(pipelineAttemptSchema),
  /** Markdown the step wrote to `$GITHUB_STEP_SUMMARY`. */
  summary: z.string().nullable(),
});
export type PipelineStep = z.infer<typeof pipelineStepSchema>;

/** Where a paused job's failed step ran, so a terminal can be opened there before `resume`. */
export const pipelinePauseSchema = z.object({
  stepIndex: z.number().int().nonnegative(),
  /** Workspace-relative folder when the step ran in the workspace; null in a clean copy or a container. */
  cwd: z.string().nullable(),
  /** The absolute folder on this machine (or inside the container). */
  absoluteCwd: z.string(),
  /** The job's container, for `docker exec` / `podman exec`; null for the local executor. */
  containerId: z.string().nullable(),
});

export const pipelineJobStateSchema = z.object({
  key: pipelineJobKeySchema,
  /** The job's id in the file (several keys share it when it has a matrix). */
  jobId: z.string(),
  name: z.string(),
  matrix: z.record(z.string(), z.unknown()).nullable(),
  needs: z.array(z.string()),
  state: pipelineStateSchema,
  executor: pipelineExecutorSchema,
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  /** The job's `outputs`, as `needs.<id>.outputs` shows them to later jobs. */
  outputs: z.record(z.string(), z.string()),
  /** A rerun of failed jobs took this job's result and outputs from `rerunOf` without running it. */
  reused: z.boolean(),
  pause: pipelinePauseSchema.nullable(),
  /** Why the job failed or was skipped when no step says it: its matrix, its container, its timeout, failed needs. */
  message: z.string().nullable(),
});
export type PipelineJobState = z.infer<typeof pipelineJobStateSchema>;

export const pipelineJobSchema = pipelineJobStateSchema.extend({ steps: z.array(pipelineStepSchema) });
export type PipelineJob = z.infer<typeof pipelineJobSchema>;

/** A problem a run found: a `::error file=,line=::` annotation, or a rustc/cargo, tsc or eslint message in a log. */
export const pipelineRunDiagnosticSchema = z.object({
  jobKey: pipelineJobKeySchema,
  stepIndex: z.number().int().nonnegative(),
  /** Workspace-relative when the file lies in the workspace; as printed otherwise; null when the message names no file. */
  file: z.string().nullable(),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  severity: z.enum(['error', 'warning', 'notice']),
  message: z.string(),
  /** `annotation`, or the matcher that found it. */
  source: z.enum(['annotation', 'rustc', 'tsc', 'eslint']),
  code: z.string().nullable(),
});
export type PipelineRunDiagnostic = z.infer<typeof pipelineRunDiagnosticSchema>;

export const pipelineArtifactSchema = z.object({
  name: z.string(),
  jobKey: pipelineJobKeySchema,
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

export const pipelineRunDetailSchema = z.object({
  run: pipelineRunSchema,
  jobs: z.array(pipelineJobSchema),
  diagnostics: z.array(pipelineRunDiagnosticSchema),
  artifacts: z.array(pipelineArtifactSchema),
});
export type PipelineRunDetail = z.infer<typeof pipelineRunDetailSchema>;

/** `invalid`: nothing ran; the diagnostics say why, at their file and line (a container engine that is not running is one). */
export const pipelineStartResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), run: pipelineRunSchema }),
  z.object({ kind: z.literal('invalid'), diagnostics: z.array(pipelineDiagnosticSchema).min(1) }),
]);
export type PipelineStartResult = z.infer<typeof pipelineStartResultSchema>;

/** What changed in a run, pushed as it happens; `getRun` gives the whole picture to start from. */
export const pipelineRunEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), run: pipelineRunSchema }),
  z.object({ kind: z.literal('job'), runId: pipelineRunIdSchema, job: pipelineJobStateSchema }),
  z.object({ kind: z.literal('step'), runId: pipelineRunIdSchema, jobKey: pipelineJobKeySchema, step: pipelineStepSchema }),
  z.object({ kind: z.literal('diagnostic'), runId: pipelineRunIdSchema, diagnostic: pipelineRunDiagnosticSchema }),
]);
export type PipelineRunEvent = z.infer<typeof pipelineRunEventSchema>;

/**
 * A log line. `kind` says how to show it: `stdout`/`stderr` are the step's own output (ANSI colours kept),
 * `group`/`endgroup` fold what lies between (`::group::title`), `error`/`warning`/`notice`/`debug` come
 * from workflow commands, `info` is Lathe's own (the command being run, a retry, a timeout).
 */
export const pipelineLogLineKinds = ['stdout', 'stderr', 'group', 'endgroup', 'error', 'warning', 'notice', 'debug', 'info'] as const;
export const pipelineLogLineSchema = z.object({
  /** Milliseconds since the epoch, when the line was read. */
  time: z.number(),
  kind: z.enum(pipelineLogLineKinds),
  text: z.string(),
});
export type PipelineLogLine = z.infer<typeof pipelineLogLineSchema>;

export const pipelineLogChunkSchema = z.discriminatedUnion('kind', [
  /** Consecutive lines of one attempt, the first being line `firstLine` (0-based). */
  z.object({ kind: z.literal('lines'), attempt: z.number().int().positive(), firstLine: z.number().int().nonnegative(), lines: z.array(pipelineLogLineSchema).min(1) }),
  /** The attempt ended (or had ended) and every line was sent; the stream completes after this. */
  z.object({ kind: z.literal('end'), attempt: z.number().int().positive(), lineCount: z.number().int().nonnegative(), truncated: z.boolean() }),
]);
export type PipelineLogChunk = z.infer<typeof pipelineLogChunkSchema>;

export const pipelineLogsInputSchema = z.object({
  runId: pipelineRunIdSchema,
  jobKey: pipelineJobKeySchema,
  stepIndex: z.number().int().nonnegative().max(10_000),
  /** Default: the step's latest attempt. */
  attempt: z.number().int().positive().max(1000).optional(),
  /** 0-based; a client that reconnects passes the count it has, and an explainer `lineCount - 50`. */
  fromLine: z.number().int().nonnegative().default(0),
  /**
   * Keep the stream open and send lines as the step prints them, until the attempt ends (then `end`).
   * Without it the stream completes after the lines stored so far, with `end` only if the attempt is over.
   */
  follow: z.boolean().default(true),
});
export type PipelineLogsInput = z.input<typeof pipelineLogsInputSchema>;

export const pipelineStarterSchema = z.object({
  /** Where the proposal would be saved; write it with `workspace.writeFile` once the user accepts it. */
  path: z.string(),
  content: z.string(),
  /** What the proposal is based on, e.g. `cargo workspace (3 members)`, `package.json scripts: lint, test, build`. */
  detected: z.array(z.string()),
  /** A file already exists at `path`. */
  exists: z.boolean(),
});
export type PipelineStarter = z.infer<typeof pipelineStarterSchema>;

export const pipelineDurationsSchema = z.array(
  z.object({
    runId: pipelineRunIdSchema,
    number: z.number().int().positive(),
    createdAt: z.number(),
    state: pipelineStateSchema,
    jobs: z.array(z.object({ key: pipelineJobKeySchema, jobId: z.string(), name: z.string(), state: pipelineStateSchema, durationMs: z.number().nullable() })),
  }),
);
export type PipelineDurations = z.infer<typeof pipelineDurationsSchema>;

const inputValueSchema = z.union([z.string().max(65_536), z.number(), z.boolean()]);

export const pipelinesService = {
  /** The workspace's pipelines, parsed and validated (every diagnostic at its file, line and column). */
  list: method(z.void(), pipelineListSchema),
  /**
   * Starts a run of a pipeline file from the list. Answers `invalid` with the reasons when the file does
   * not validate or what it needs is missing (a shell, the container engine); NOT_FOUND for an unknown
   * file; INVALID_INPUT for a required input left out or a choice outside its options.
   */
  start: method(
    z.object({
      pipelineId: pipelineIdSchema,
      inputs: z.record(z.string().max(100), inputValueSchema).default({}),
      /** A failing step pauses its job (state `paused`) until `resume`, instead of failing it. */
      pauseOnFailure: z.boolean().default(false),
    }),
    pipelineStartResultSchema,
  ),
  /**
   * Cancels a run: running steps have their process tree killed (or their container removed), and only
   * `always()`/`cancelled()` steps and jobs still run; a second cancel stops those too. NOT_FOUND for an unknown run.
   */
  cancel: method(z.object({ runId: pipelineRunIdSchema }), z.void()),
  /**
   * Runs the pipeline file again (as it is now, inputs at their defaults); with `failedOnly`, jobs that
   * succeeded keep their result and outputs (`reused`) and only the others run. CONFLICT while the run is in progress.
   */
  rerun: method(z.object({ runId: pipelineRunIdSchema, failedOnly: z.boolean().default(false) }), pipelineStartResultSchema),
  /** A paused job goes on: `retry` runs the failed step again as a new attempt, otherwise the failure stands. CONFLICT if it is not paused. */
  resume: method(z.object({ runId: pipelineRunIdSchema, jobKey: pipelineJobKeySchema, retry: z.boolean() }), z.void()),
  /** Past and current runs, newest first; `before` (a `createdAt`) pages further back. */
  runs: method(
    z.object({
      pipelineId: pipelineIdSchema.optional(),
      limit: z.number().int().positive().max(500).default(50),
      before: z.number().optional(),
    }),
    z.object({ runs: z.array(pipelineRunSchema) }),
  ),
  /** One run with its jobs, steps, attempts, diagnostics and artifacts. NOT_FOUND for an unknown run. */
  getRun: method(z.object({ runId: pipelineRunIdSchema }), pipelineRunDetailSchema),
  /** Job durations across the latest runs of a pipeline, oldest first (for a chart). */
  durations: method(z.object({ pipelineId: pipelineIdSchema, limit: z.number().int().positive().max(200).default(30) }), pipelineDurationsSchema),
  /**
   * One step attempt's log: the stored lines from `fromLine`, then (with `follow`) new lines as they come,
   * then `end`. Read at the client's pace (back-pressure reaches the file). NOT_FOUND before the step has started.
   */
  logs: stream(pipelineLogsInputSchema, pipelineLogChunkSchema),
  /** A starter pipeline for the project found in the workspace (Cargo, npm, Python, Go, Make); nothing is written. */
  proposeStarter: method(z.void(), pipelineStarterSchema),
  /** The list changed: a pipeline file was added, edited or removed, or a `pipelines.*` setting changed. */
  onDidChangePipelines: event(pipelineListSchema),
  /** A run, job or step changed state, or a run found a diagnostic. */
  onDidChangeRun: event(pipelineRunEventSchema),
} as const;
