import { basename, extname } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { ErrorPolicy } from '@actions/workflow-parser/model/convert';
import { convertWorkflowDispatchInputs } from '@actions/workflow-parser/model/converter/workflow-dispatch';
import type { Job, Step, WorkflowTemplate } from '@actions/workflow-parser/model/workflow-template';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { TokenType } from '@actions/workflow-parser/templates/tokens/types';
import { getWorkflowSchema } from '@actions/workflow-parser/workflows/workflow-schema';
import type { PipelineExecutor, PipelineSummary, PipelineTrigger } from '../../../../src-shared/contract';
import { isLocalAction, localActionNames } from '../actions';
import { evaluateToken } from '../expressions/evaluate-token';
import { expandMatrix, MatrixError } from '../engine/matrix';
import { isPluginReference, parsePluginReference } from '../engine/plugin-step';
import { ShellError, shellProgram, shellTemplate } from '../engine/shell-templates';
import type { CacheDefinition, JobDefinition, PipelineDefinition, RetryPolicy, RunDefaults, SourceRange, StepDefinition } from '../model';
import { DiagnosticList } from './diagnostics';
import { getLatheSchema } from './lathe-schema';
import { containsExpression, property, propertyValue, rangeOf, stringList, stringValue, toSourceRange } from './tokens';

export interface PipelineSource {
  /** Workspace-relative path: the pipeline's id. */
  id: string;
  kind: PipelineSummary['kind'];
  content: string;
}

export interface ParseOptions {
  defaultExecutor: PipelineExecutor;
  defaultImage: string;
  /** Whether a program is on this machine's PATH (shells of local jobs are checked before anything runs). */
  hasProgram(name: string): Promise<boolean>;
}

export interface ParsedPipeline {
  summary: PipelineSummary;
  /** Present when the file has no error: what the engine runs. */
  definition: PipelineDefinition | undefined;
}

const noScope = { contexts: {} };

/**
 * Parses and validates a pipeline file with GitHub's own parser (Lathe's files with GitHub's schema plus
 * Lathe's extras), then checks what the schema cannot: actions without a local stand-in, plugin steps
 * written wrong, matrices over the limit, shells this machine lacks, container jobs without an image.
 */
export async function parsePipeline(source: PipelineSource, options: ParseOptions): Promise<ParsedPipeline> {
  const report = new DiagnosticList(source.id);
  const schema = source.kind === 'lathe' ? getLatheSchema() : getWorkflowSchema();
  const context = new TemplateContext(new TemplateValidationErrors(), schema, new NoOperationTraceWriter());
  const root = parseWorkflow({ name: source.id, content: source.content }, context).value;
  let template: WorkflowTemplate | undefined;
  if (root) template = await convertWorkflowTemplate(context, root, undefined, { errorPolicy: ErrorPolicy.TryConversion });
  const inputs = readInputs(source.kind, propertyValue(root, 'on'), context);
  for (const error of context.errors.getErrors()) report.error(toSourceRange(error.range), cleanMessage(error.rawMessage));
  if (template?.jobs) checkNeeds(template.jobs, report);

  const name = stringValue(propertyValue(root, 'name')) ?? basename(source.id, extname(source.id));
  const rootExecutor = executorValue(propertyValue(root, 'executor'));
  const defaults = readDefaults(propertyValue(root, 'defaults'));
  const jobsToken = propertyValue(root, 'jobs');
  const jobs: JobDefinition[] = [];
  const shells: ShellUse[] = [];
  for (const job of template?.jobs ?? []) {
    if (job.type !== 'job') {
      report.error(rangeOf(job.id), `Job '${job.id.value}' calls a reusable workflow (\`uses:\`), which Lathe cannot run yet`);
      continue;
    }
    const raw = propertyValue(jobsToken, job.id.value);
    if (raw?.templateTokenType === TokenType.Mapping) jobs.push(readJob(job, raw as MappingToken, rootExecutor, defaults, options, report, shells));
  }
  await checkShells(shells, options, report);

  const summary: PipelineSummary = {
    id: source.id,
    kind: source.kind,
    name,
    triggers: source.kind === 'lathe' ? readTriggers(propertyValue(root, 'on')) : [{ kind: 'manual' }],
    inputs,
    jobs: jobs.map((job) => ({
      id: job.id,
      name: job.name.templateTokenType === TokenType.String ? String(evaluateToken(job.name, noScope)) : job.id,
      needs: job.needs,
      hasMatrix: propertyValue(job.strategy, 'matrix') !== undefined,
      executor: job.executor,
      line: job.range.line,
    })),
    diagnostics: report.list(),
    valid: !report.hasErrors,
  };
  const definition = summary.valid ? { summary, env: propertyValue(root, 'env'), defaults, jobs } : undefined;
  return { summary, definition };
}

/** A shell a local job's step runs with, to be checked once the file is read. */
interface ShellUse {
  shell: string;
  range: SourceRange;
}

function readJob(
  job: Job,
  raw: MappingToken,
  rootExecutor: PipelineExecutor | undefined,
  rootDefaults: RunDefaults,
  options: ParseOptions,
  report: DiagnosticList,
  shells: ShellUse[],
): JobDefinition {
  const container = propertyValue(raw, 'container');
  const executorProperty = property(raw, 'executor');
  const executor = executorValue(executorProperty?.value) ?? (container ? 'container' : (rootExecutor ?? options.defaultExecutor));
  if (executor === 'local' && container) report.warning(rangeOf(property(raw, 'container')?.key), '`container:` is ignored: this job runs with `executor: local`');
  const cache = propertyValue(raw, 'cache');
  const artifacts = propertyValue(raw, 'artifacts');
  const rawSteps = propertyValue(raw, 'steps');
  const stepTokens = rawSteps?.templateTokenType === TokenType.Sequence ? [...(rawSteps as unknown as Iterable<TemplateToken>)] : [];
  const defaults = readDefaults(propertyValue(raw, 'defaults'));
  // Shells of local jobs must exist here; a container's are its image's business.
  const defaultShell = defaults.shell ?? rootDefaults.shell;
  const useShell = (shell: string | undefined, range: SourceRange): void => {
    const chosen = shell ?? defaultShell;
    if (executor === 'local' && chosen !== undefined) shells.push({ shell: chosen, range });
  };
  const definition: JobDefinition = {
    id: job.id.value,
    name: job.name ?? job.id,
    needs: (job.needs ?? []).map((need) => need.value),
    condition: job.if.expression,
    strategy: job.strategy,
    env: job.env,
    outputs: job.outputs,
    timeoutMinutes: propertyValue(raw, 'timeout-minutes'),
    continueOnError: propertyValue(raw, 'continue-on-error'),
    container: executor === 'container' ? container : undefined,
    services: job.services,
    defaults,
    executor,
    cache: cache ? readCache(cache) : undefined,
    artifacts: artifacts ? { name: stringValue(propertyValue(artifacts, 'name')), paths: stringList(propertyValue(artifacts, 'paths')) } : undefined,
    steps: job.steps.flatMap((step, index) => {
      const token = stepTokens[index];
      return token ? [readStep(step, token, useShell, report)] : [];
    }),
    range: rangeOf(job.id),
    executorRange: rangeOf(executorProperty?.key ?? property(raw, 'container')?.key ?? job.id),
  };
  checkJob(definition, options, report);
  return definition;
}

function readStep(step: Step, raw: TemplateToken, useShell: (shell: string | undefined, range: SourceRange) => void, report: DiagnosticList): StepDefinition {
  const usesProperty = property(raw, 'uses');
  const shellProperty = property(raw, 'shell');
  const shell = stringValue(shellProperty?.value);
  if (propertyValue(raw, 'run')) useShell(shell, rangeOf(shellProperty?.value ?? raw));
  const reference = stringValue(usesProperty?.value);
  if (!('run' in step) && !('uses' in step)) report.error(rangeOf(raw), 'Only `run` and `uses` steps can run here');
  if (reference !== undefined && isPluginReference(reference)) {
    if (!parsePluginReference(reference)) {
      report.error(
        rangeOf(usesProperty?.value),
        `'${reference}' is not a plugin step: write \`plugin:<publisher>.<name>/<kind>\` (the plugin's id, then the step kind it registers: letters, digits, "_" and "-")`,
      );
    }
  } else if (reference !== undefined && !isLocalAction(reference)) {
    report.error(
      rangeOf(usesProperty?.value),
      `'${reference}' cannot run here: Lathe runs only local stand-ins for ${localActionNames.join(', ')} (remote, Docker and local actions are not supported)`,
    );
  }
  const withToken = propertyValue(raw, 'with');
  return {
    id: step.id,
    hasExplicitId: property(raw, 'id') !== undefined,
    name: step.name,
    condition: 'if' in step && step.if ? step.if.expression : 'success()',
    run: propertyValue(raw, 'run'),
    uses: reference === undefined ? undefined : { reference, with: withToken?.templateTokenType === TokenType.Mapping ? (withToken as MappingToken) : undefined },
    env: propertyValue(raw, 'env'),
    shell,
    workingDirectory: propertyValue(raw, 'working-directory'),
    timeoutMinutes: propertyValue(raw, 'timeout-minutes'),
    continueOnError: propertyValue(raw, 'continue-on-error'),
    retry: readRetry(propertyValue(raw, 'retry')),
    range: rangeOf(raw),
  };
}

/** What one token does not show: the matrix's size, and whether a container job has an image. */
function checkJob(job: JobDefinition, options: ParseOptions, report: DiagnosticList): void {
  const matrix = propertyValue(job.strategy, 'matrix');
  if (matrix && !containsExpression(matrix)) {
    try {
      expandMatrix(evaluateToken(matrix, noScope));
    } catch (error) {
      if (!(error instanceof MatrixError)) throw error;
      report.error(rangeOf(property(job.strategy, 'matrix')?.key), error.message);
    }
  }
  if (job.executor === 'container' && !job.container && !options.defaultImage) {
    report.error(job.executorRange, `Job '${job.id}' runs in a container but names no image: add \`container: <image>\` or set pipelines.container.defaultImage`);
  }
}

/** A shell must be one GitHub knows or a command line with {0}, and installed here (they are local jobs' shells). */
async function checkShells(shells: ShellUse[], options: ParseOptions, report: DiagnosticList): Promise<void> {
  for (const { shell, range } of shells) {
    try {
      const program = shellProgram(shellTemplate(shell, true));
      if (!program.startsWith('%') && !(await options.hasProgram(program))) report.error(range, `The shell '${program}' is not installed on this machine`);
    } catch (error) {
      if (!(error instanceof ShellError)) throw error;
      report.error(range, error.message);
    }
  }
}

/**
 * Needs of unknown jobs, and cycles named job by job at the need that closes them. GitHub's parser says
 * only "at least one job with no dependencies" when no job is free of needs, whatever the cause.
 */
function checkNeeds(jobs: WorkflowTemplate['jobs'], report: DiagnosticList): void {
  const needs = new Map(jobs.map((job) => [job.id.value, job.needs ?? []]));
  for (const [id, list] of needs) {
    for (const need of list) if (!needs.has(need.value)) report.error(rangeOf(need), `Job '${id}' depends on unknown job '${need.value}'.`);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, 'visiting');
    for (const need of needs.get(id) ?? []) {
      if (state.get(need.value) === 'visiting') {
        const cycle = [...path.slice(path.indexOf(need.value)), id, need.value].map((name) => `'${name}'`).join(' → ');
        report.error(rangeOf(need), `The jobs ${cycle} need each other in a cycle`);
      } else if (!state.has(need.value) && needs.has(need.value)) {
        visit(need.value, [...path, id]);
      }
    }
    state.set(id, 'done');
  };
  for (const id of needs.keys()) if (!state.has(id)) visit(id, []);
}

/** YAML errors come with a copy of the offending lines; the position says that already. */
function cleanMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function readDefaults(token: TemplateToken | undefined): RunDefaults {
  const run = propertyValue(token, 'run');
  return { shell: stringValue(propertyValue(run, 'shell')), workingDirectory: propertyValue(run, 'working-directory') };
}

function readCache(token: TemplateToken): CacheDefinition | undefined {
  const key = propertyValue(token, 'key');
  return key ? { key, paths: stringList(propertyValue(token, 'paths')), restoreKeys: stringList(propertyValue(token, 'restore-keys')) } : undefined;
}

function readRetry(token: TemplateToken | undefined): RetryPolicy | undefined {
  if (!token) return undefined;
  if (token.templateTokenType === TokenType.Number) return { max: retryCount(evaluateToken(token, noScope)), when: 'any', exitCodes: undefined };
  const max = propertyValue(token, 'max');
  const when = stringValue(propertyValue(token, 'when'));
  const codes = propertyValue(token, 'exit_codes');
  return {
    max: max ? retryCount(evaluateToken(max, noScope)) : 0,
    when: when === 'failure' || when === 'timeout' ? when : 'any',
    exitCodes: codes ? (evaluateToken(codes, noScope) as number[]) : undefined,
  };
}

function retryCount(value: unknown): number {
  return Math.max(0, Math.min(100, Math.floor(Number(value) || 0)));
}

function executorValue(token: TemplateToken | undefined): PipelineExecutor | undefined {
  const value = stringValue(token);
  return value === 'local' || value === 'container' ? value : undefined;
}

function readTriggers(on: TemplateToken | undefined): PipelineTrigger[] {
  if (!on) return [{ kind: 'manual' }];
  const names =
    on.templateTokenType === TokenType.Mapping
      ? [...(on as MappingToken)].map((pair) => stringValue(pair.key) ?? '')
      : on.templateTokenType === TokenType.Sequence
        ? stringList(on)
        : [stringValue(on) ?? ''];
  return names.flatMap((name): PipelineTrigger[] => {
    if (name === 'manual' || name === 'commit') return [{ kind: name }];
    if (name === 'save') return [{ kind: 'save', paths: stringList(propertyValue(propertyValue(on, 'save'), 'paths')) }];
    return [];
  });
}

function readInputs(kind: PipelineSummary['kind'], on: TemplateToken | undefined, context: TemplateContext): PipelineSummary['inputs'] {
  const inputs = propertyValue(propertyValue(on, kind === 'lathe' ? 'manual' : 'workflow_dispatch'), 'inputs');
  if (inputs?.templateTokenType !== TokenType.Mapping) return [];
  return Object.entries(convertWorkflowDispatchInputs(context, inputs as MappingToken)).map(([name, input]) => ({
    name,
    type: input.type,
    required: input.required ?? false,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.default === undefined ? {} : { default: input.default }),
    ...(input.options === undefined ? {} : { options: input.options }),
  }));
}
