import { randomUUID } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PipelineAttempt, PipelineState } from '../../../../src-shared/contract';
import { findAction, type ActionContext } from '../actions';
import { evaluateCondition, type ExpressionScope } from '../expressions/evaluate';
import { evaluateBoolean, evaluateNumber, evaluateString, evaluateStringMap } from '../expressions/evaluate-token';
import { LogWriter } from '../logs/log-writer';
import { StepOutput, type FoundProblem } from '../logs/step-output';
import type { RetryPolicy, StepDefinition } from '../model';
import { envFiles, readEnvFiles, type EnvFileResults } from './env-files';
import { conclusion, prepareScope, stepContexts, stepStatus, type JobSession } from './job-session';
import { defaultPluginStepTimeoutMs, parsePluginReference, runPluginStep } from './plugin-step';
import { shellCommand, shellTemplate } from './shell-templates';

interface AttemptResult {
  outcome: 'success' | 'failure' | 'cancelled';
  exitCode: number | null;
  timedOut: boolean;
  files: EnvFileResults | undefined;
  outputs: Record<string, string>;
}

/** What one attempt does once its log is open: returns the exit code (null when it was stopped). */
type AttemptBody = (output: StepOutput, signal: AbortSignal, outputs: Record<string, string>) => Promise<{ exitCode: number | null; files?: EnvFileResults }>;

/** How a step runs, evaluated from its definition. */
interface PreparedStep {
  /** The script (`run`) or the action reference (`uses`), as shown for the step. */
  command: string;
  cwd: string;
  timeoutMs: number | undefined;
  continueOnError: boolean;
  body: AttemptBody;
}

const noFiles: EnvFileResults = { env: {}, outputs: {}, path: [], summary: '', problems: [] };

/**
 * Runs one step of the file (`run` or `uses`): evaluates its condition, then its attempts (with its
 * retry policy, each with its own timeout and log), pauses on failure when the run asks for it, and
 * records the result where later steps and the job's outputs find it.
 */
export async function runFileStep(session: JobSession, index: number, definition: StepDefinition): Promise<void> {
  const { recorder } = session.run;
  const jobKey = session.instance.key;
  const startedAfterCancel = session.cancel.aborted;
  const status = stepStatus(session);
  let scope: ExpressionScope;
  let prepared: PreparedStep;
  try {
    const outer = await prepareScope(
      session.run.workdir,
      stepContexts(session, definition.id, session.env),
      status,
      [definition.env, definition.run, definition.uses?.with, definition.workingDirectory, definition.name, definition.timeoutMinutes, definition.continueOnError],
      [definition.condition],
    );
    if (!evaluateCondition(definition.condition, outer)) {
      recorder.updateStep(jobKey, index, { state: 'skipped', outcome: 'skipped' });
      record(session, definition, 'skipped', 'skipped', {});
      return;
    }
    const stepEnv = evaluateStringMap(definition.env, outer);
    scope = { ...outer, contexts: stepContexts(session, definition.id, { ...session.env, ...stepEnv }) };
    prepared = await prepareStep(session, definition, scope, stepEnv);
  } catch (error) {
    await failBeforeRunning(session, index, (error as Error).message);
    record(session, definition, 'failure', 'failure', {});
    return;
  }
  const command = session.run.masker.mask(prepared.command);
  const name = definition.name ? safeEvaluate(() => evaluateString(definition.name as NonNullable<typeof definition.name>, scope)) : `Run ${firstLine(command)}`;
  recorder.updateStep(jobKey, index, { state: 'running', startedAt: Date.now(), ...(name ? { name } : {}), command });

  let attemptNumber = 0;
  let result: AttemptResult;
  for (;;) {
    result = await attemptWithRetries(session, index, prepared, definition.retry, attemptNumber, startedAfterCancel);
    attemptNumber = recorder.step(jobKey, index)?.attempts.length ?? attemptNumber + 1;
    if (result.outcome !== 'failure' || prepared.continueOnError || !session.run.pauseOnFailure || session.cancel.aborted) break;
    if (!(await pause(session, index, prepared.cwd))) break;
  }

  const files = result.files ?? noFiles;
  applyFiles(session, files);
  const state = conclusion(result.outcome, prepared.continueOnError);
  recorder.updateStep(jobKey, index, { state, outcome: result.outcome, exitCode: result.exitCode, finishedAt: Date.now(), summary: files.summary || null });
  record(session, definition, result.outcome, state, { ...files.outputs, ...result.outputs });
}

/** Runs a step Lathe adds (cache restore and save, artifacts, an action's post step) with one attempt. */
export async function runBuiltinStep(session: JobSession, index: number, body: (output: StepOutput) => Promise<boolean>): Promise<void> {
  const { recorder } = session.run;
  const jobKey = session.instance.key;
  recorder.updateStep(jobKey, index, { state: 'running', startedAt: Date.now() });
  const result = await runAttempt(session, index, 1, undefined, session.cancel.aborted, async (output) => ({ exitCode: (await body(output)) ? 0 : 1 }));
  recorder.updateStep(jobKey, index, { state: result.outcome, outcome: result.outcome, exitCode: result.exitCode, finishedAt: Date.now() });
  if (result.outcome === 'failure' && session.status === 'success') session.status = 'failure';
}

async function prepareStep(session: JobSession, definition: StepDefinition, scope: ExpressionScope, stepEnv: Record<string, string>): Promise<PreparedStep> {
  const { workdir } = session.run;
  const job = session.instance.job;
  const folderToken = definition.workingDirectory ?? job.defaults.workingDirectory ?? session.run.definition.defaults.workingDirectory;
  const cwd = folderToken ? resolve(workdir, evaluateString(folderToken, scope)) : workdir;
  const minutes = evaluateNumber(definition.timeoutMinutes, scope);
  const continueOnError = evaluateBoolean(definition.continueOnError, scope, false);
  const timeoutMs = minutes !== undefined && minutes > 0 ? minutes * 60_000 : undefined;
  if (definition.uses) {
    const reference = definition.uses.reference;
    const target = parsePluginReference(reference);
    if (target) {
      const step = { with: evaluateStringMap(definition.uses.with, scope), env: { ...session.env, ...stepEnv }, workingDirectory: relative(workdir, cwd).split(sep).join('/') };
      return {
        command: reference,
        cwd,
        timeoutMs: timeoutMs ?? defaultPluginStepTimeoutMs,
        continueOnError,
        body: (output, signal, outputs) => runPluginStep(session.run.pluginSteps, target, step, output, signal, outputs),
      };
    }
    const handler = findAction(reference);
    if (!handler) throw new Error(`'${reference}' has no local stand-in`);
    const inputs = Object.fromEntries(Object.entries(evaluateStringMap(definition.uses.with, scope)).map(([key, value]) => [key.toLowerCase(), value]));
    return { command: reference, cwd, timeoutMs, continueOnError, body: (output, signal, outputs) => runAction(session, handler, inputs, cwd, output, signal, outputs) };
  }
  const script = evaluateString(definition.run as NonNullable<StepDefinition['run']>, scope);
  const shell = definition.shell ?? job.defaults.shell ?? session.run.definition.defaults.shell;
  const template = shellTemplate(shell, shell === undefined ? await session.executor.hasProgram('bash') : true);
  const scriptPath = join(session.tempDir, `step-${safeSegment(definition.id)}${template.extension}`);
  await writeFile(scriptPath, script, { mode: 0o700 });
  return {
    command: script,
    cwd,
    timeoutMs,
    continueOnError,
    body: async (output, signal) => {
      const files = envFiles(session.tempDir, `${safeSegment(definition.id)}-${randomUUID()}`);
      const { program, args } = shellCommand(template, scriptPath);
      output.info(`Run ${firstLine(script)}`);
      output.info(`shell: ${template.template}`);
      const env = processEnv(session, stepEnv, files, definition.id);
      const { exitCode } = await session.executor.exec({ program, args, env, cwd }, (stream, chunk) => output.write(stream, chunk), signal);
      output.end();
      // A missing folder makes the spawn fail as if the shell were missing: say which it was.
      if (exitCode === 127 && session.executor.kind === 'local' && !(await isFolder(cwd))) output.info(`The working directory ${cwd} does not exist`);
      return { exitCode, files: await readEnvFiles(files) };
    },
  };
}

async function runAction(
  session: JobSession,
  handler: NonNullable<ReturnType<typeof findAction>>,
  inputs: Record<string, string>,
  cwd: string,
  output: StepOutput,
  signal: AbortSignal,
  outputs: Record<string, string>,
): Promise<{ exitCode: number | null }> {
  const context: ActionContext = {
    inputs,
    workspace: session.run.workdir,
    cache: session.run.cache,
    artifacts: session.run.artifacts,
    info: (text) => output.info(text),
    run: async (program, args) => {
      const chunks: Buffer[] = [];
      const { exitCode } = await session.executor.exec({ program, args, env: processEnv(session, {}, undefined, ''), cwd }, (_stream, chunk) => chunks.push(chunk), signal);
      return { exitCode, output: Buffer.concat(chunks).toString('utf8') };
    },
    setOutput: (name, value) => (outputs[name] = value),
    addPostStep: (name, run) => session.postSteps.push({ name, run }),
    recordArtifact: (name, files, bytes) => session.run.recorder.addArtifact({ name, jobKey: session.instance.key, files, bytes }),
  };
  return { exitCode: (await handler(context)) ? 0 : 1 };
}

/** The first attempt and its retries (the timeout applies to each attempt). */
async function attemptWithRetries(
  session: JobSession,
  index: number,
  prepared: PreparedStep,
  retry: RetryPolicy | undefined,
  attemptsSoFar: number,
  startedAfterCancel: boolean,
): Promise<AttemptResult> {
  const tries = 1 + (attemptsSoFar === 0 ? (retry?.max ?? 0) : 0);
  let result: AttemptResult | undefined;
  let preface: string | undefined;
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    const number = attemptsSoFar + attempt;
    result = await runAttempt(session, index, number, prepared.timeoutMs, startedAfterCancel, prepared.body, preface);
    if (attempt === tries || !retry || !shouldRetry(retry, result) || session.halt.aborted) break;
    preface = `Attempt ${number} ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}; retrying (attempt ${number + 1} of ${attemptsSoFar + tries})`;
  }
  return result as AttemptResult;
}

function shouldRetry(policy: RetryPolicy, result: Pick<AttemptResult, 'outcome' | 'exitCode' | 'timedOut'>): boolean {
  if (result.outcome !== 'failure') return false;
  if (result.timedOut) return policy.when !== 'failure';
  if (policy.when === 'timeout') return false;
  return !policy.exitCodes || (result.exitCode !== null && policy.exitCodes.includes(result.exitCode));
}

/** One attempt with its own log (opened by `preface` when it is a retry), timeout and record. */
async function runAttempt(
  session: JobSession,
  index: number,
  number: number,
  timeoutMs: number | undefined,
  startedAfterCancel: boolean,
  body: AttemptBody,
  preface?: string,
): Promise<AttemptResult> {
  const { recorder, masker } = session.run;
  const jobKey = session.instance.key;
  const log = await LogWriter.create(join(session.run.logRoot, safeSegment(jobKey), `${index}.${number}.log`), session.run.logCapBytes);
  const attempt: PipelineAttempt = { number, startedAt: Date.now(), finishedAt: null, exitCode: null, timedOut: false, logLines: 0, logTruncated: false };
  recorder.startAttempt(jobKey, index, attempt, log);
  if (preface) log.append('info', preface);
  const cwdForProblems = session.run.workdir;
  const outputs: Record<string, string> = {};
  const output = new StepOutput(log, masker, {
    problem: (problem) => recordProblem(session, index, cwdForProblems, problem),
    output: (name, value) => (outputs[name] = value),
  });
  const timeout = new AbortController();
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => timeout.abort(), timeoutMs);
  // A step that starts after a cancellation (an `always()` step) runs to its end unless everything halts.
  const signal = AbortSignal.any([session.halt, timeout.signal, ...(startedAfterCancel ? [] : [session.cancel])]);
  let exitCode: number | null = null;
  let files: EnvFileResults | undefined;
  try {
    ({ exitCode, files } = await body(output, signal, outputs));
  } catch (error) {
    output.info(`The step failed: ${(error as Error).message}`);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
  }
  const timedOut = timeout.signal.aborted && exitCode !== 0;
  const outcome: AttemptResult['outcome'] = exitCode === 0 ? 'success' : timedOut || !signal.aborted ? 'failure' : 'cancelled';
  if (timedOut) log.append('error', `The step timed out after ${formatMinutes(timeoutMs ?? 0)} and was stopped`);
  else if (outcome === 'cancelled') log.append('info', 'The step was cancelled');
  else if (outcome === 'failure') log.append('error', `Process completed with exit code ${exitCode ?? 'none'}.`);
  for (const problem of files?.problems ?? []) log.append('warning', problem);
  const index_ = await log.close();
  recorder.finishAttempt(jobKey, index, { ...attempt, finishedAt: Date.now(), exitCode, timedOut, logLines: index_.lineCount, logTruncated: index_.truncated }, log);
  return { outcome, exitCode, timedOut, files, outputs };
}

/** A step whose expressions failed before it could run: one attempt whose log says why. */
async function failBeforeRunning(session: JobSession, index: number, message: string): Promise<void> {
  const { recorder } = session.run;
  recorder.updateStep(session.instance.key, index, { state: 'running', startedAt: Date.now() });
  await runAttempt(session, index, 1, undefined, true, async (output) => {
    output.info(message);
    return { exitCode: 1 };
  });
  recorder.updateStep(session.instance.key, index, { state: 'failure', outcome: 'failure', finishedAt: Date.now() });
  if (session.status === 'success') session.status = 'failure';
}

/** Holds the job until the user retries the failed step or lets the failure stand; true to retry. */
async function pause(session: JobSession, index: number, cwd: string): Promise<boolean> {
  const { recorder, workspaceRoot, workdir } = session.run;
  const jobKey = session.instance.key;
  const inWorkspace = workdir === workspaceRoot && !relative(workspaceRoot, cwd).startsWith('..');
  recorder.updateStep(jobKey, index, { state: 'paused' });
  recorder.updateJob(jobKey, {
    state: 'paused',
    pause: {
      stepIndex: index,
      cwd: inWorkspace ? relative(workspaceRoot, cwd).split(sep).join('/') : null,
      absoluteCwd: cwd,
      containerId: session.executor.containerId,
    },
  });
  const retry = await session.run.waitForResume(jobKey, session.halt);
  recorder.updateJob(jobKey, { state: 'running', pause: null });
  recorder.updateStep(jobKey, index, { state: 'running' });
  return retry && !session.halt.aborted;
}

function recordProblem(session: JobSession, index: number, cwd: string, problem: FoundProblem): void {
  const { workdir } = session.run;
  let file = problem.file;
  if (file !== null) {
    const absolute = isAbsolute(file) ? file : resolve(cwd, file);
    const inside = relative(workdir, absolute);
    if (!inside.startsWith('..') && !isAbsolute(inside)) file = inside.split(sep).join('/');
  }
  session.run.recorder.addDiagnostic({ ...problem, file, jobKey: session.instance.key, stepIndex: index });
}

/** What later steps see of this one: `$GITHUB_ENV`, `$GITHUB_PATH`. */
function applyFiles(session: JobSession, files: EnvFileResults): void {
  Object.assign(session.env, files.env);
  session.pathAdditions.unshift(...files.path);
}

function record(session: JobSession, definition: StepDefinition, outcome: PipelineState, state: PipelineState, outputs: Record<string, string>): void {
  if (state === 'failure' && session.status === 'success') session.status = 'failure';
  if (outcome === 'cancelled' && session.status === 'success') session.status = 'cancelled';
  if (definition.hasExplicitId) session.steps[definition.id] = { outputs, outcome, conclusion: state };
}

/** The environment of a step's process: the executor's, GitHub's variables, the job's and the step's `env`, PATH additions. */
function processEnv(session: JobSession, stepEnv: Record<string, string>, files: { env: string; output: string; path: string; summary: string } | undefined, stepId: string): Record<string, string> {
  const { github } = session.run;
  const base = session.executor.baseEnv;
  const runner = stepContexts(session, stepId, {}).runner as Record<string, string>;
  const env: Record<string, string> = {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: session.run.workdir,
    GITHUB_SHA: String(github.sha),
    GITHUB_REF: String(github.ref),
    GITHUB_REF_NAME: String(github.ref_name),
    GITHUB_REPOSITORY: String(github.repository),
    GITHUB_REPOSITORY_OWNER: String(github.repository_owner),
    GITHUB_ACTOR: String(github.actor),
    GITHUB_RUN_ID: String(github.run_id),
    GITHUB_RUN_NUMBER: String(github.run_number),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: String(github.workflow),
    GITHUB_EVENT_NAME: String(github.event_name),
    GITHUB_SERVER_URL: String(github.server_url),
    GITHUB_JOB: session.instance.job.id,
    GITHUB_ACTION: stepId,
    RUNNER_OS: runner.os ?? '',
    RUNNER_ARCH: runner.arch ?? '',
    RUNNER_NAME: 'lathe',
    RUNNER_TEMP: session.tempDir,
    RUNNER_TOOL_CACHE: session.tempDir,
    ...(files ? { GITHUB_ENV: files.env, GITHUB_OUTPUT: files.output, GITHUB_PATH: files.path, GITHUB_STEP_SUMMARY: files.summary } : {}),
    ...session.env,
    ...stepEnv,
  };
  if (session.pathAdditions.length > 0) {
    const basePath = env.PATH ?? base.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    env.PATH = [...session.pathAdditions, basePath].join(session.executor.kind === 'container' ? ':' : delimiter);
  }
  return env;
}

function safeEvaluate(evaluate: () => string): string | undefined {
  try {
    return evaluate();
  } catch {
    return undefined;
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function formatMinutes(ms: number): string {
  const seconds = ms / 1000;
  return seconds < 120 ? `${Math.round(seconds * 10) / 10} s` : `${Math.round(seconds / 6) / 10} min`;
}

/** A job key as one safe path segment. */
export function safeSegment(text: string): string {
  return text.replace(/[^\w.-]+/g, '_');
}
