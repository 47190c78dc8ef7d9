import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { PipelineExecutor, PipelineSummary } from '../../../src-shared/contract';

/** Where something is in a pipeline file (1-based; `end` exclusive). */
export interface SourceRange {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RetryPolicy {
  /** Attempts after the first. */
  max: number;
  /** `failure`: a non-zero exit (only `exitCodes` when given); `timeout`: the attempt ran out of time; `any`: both. */
  when: 'failure' | 'timeout' | 'any';
  exitCodes: number[] | undefined;
}

/** A step as the file declares it; tokens keep their expressions, evaluated when the step runs. */
export interface StepDefinition {
  id: string;
  /** Whether `id` was written in the file (generated ids are not in the `steps` context). */
  hasExplicitId: boolean;
  name: TemplateToken | undefined;
  /** The condition as an expression, with `success() &&` prefixed when it names no status function. */
  condition: string;
  run: TemplateToken | undefined;
  uses: { reference: string; with: MappingToken | undefined } | undefined;
  env: TemplateToken | undefined;
  shell: string | undefined;
  workingDirectory: TemplateToken | undefined;
  timeoutMinutes: TemplateToken | undefined;
  continueOnError: TemplateToken | undefined;
  retry: RetryPolicy | undefined;
  range: SourceRange;
}

export interface CacheDefinition {
  key: TemplateToken;
  paths: string[];
  restoreKeys: string[];
}

export interface JobDefinition {
  id: string;
  name: TemplateToken;
  needs: string[];
  condition: string;
  strategy: TemplateToken | undefined;
  env: TemplateToken | undefined;
  outputs: MappingToken | undefined;
  timeoutMinutes: TemplateToken | undefined;
  continueOnError: TemplateToken | undefined;
  container: TemplateToken | undefined;
  services: TemplateToken | undefined;
  defaults: RunDefaults;
  executor: PipelineExecutor;
  cache: CacheDefinition | undefined;
  artifacts: { name: string | undefined; paths: string[] } | undefined;
  steps: StepDefinition[];
  range: SourceRange;
  /** Where the executor was chosen (`container:`, `executor:`), for errors about the container engine. */
  executorRange: SourceRange;
}

export interface RunDefaults {
  shell: string | undefined;
  workingDirectory: TemplateToken | undefined;
}

/** A parsed, valid pipeline: what the engine runs. */
export interface PipelineDefinition {
  summary: PipelineSummary;
  env: TemplateToken | undefined;
  defaults: RunDefaults;
  jobs: JobDefinition[];
}
