import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import {
  pipelineArtifactSchema,
  pipelineJobSchema,
  pipelineRunDiagnosticSchema,
  pipelineRunSchema,
  pipelineStateSchema,
  type PipelineAttempt,
  type PipelineJobState,
  type PipelineRun,
  type PipelineRunDetail,
  type PipelineRunDiagnostic,
  type PipelineStep,
} from '../../../../src-shared/contract';

/** Diagnostics kept per run: a flood of compiler messages must not fill the database. */
export const maxDiagnosticsPerRun = 2000;

export type NewRun = Omit<PipelineRun, 'number' | 'state' | 'startedAt' | 'finishedAt'>;

/** A stored attempt, with where its log lives. */
export interface StoredAttempt extends PipelineAttempt {
  logPath: string;
}

const json = <T extends z.ZodType>(schema: T) => z.string().transform((text, context) => {
  const parsed = schema.safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data as z.output<T>;
  context.addIssue({ code: 'custom', message: 'stored JSON does not match' });
  return z.NEVER;
});

// Rows are read back through zod: a database edited by hand or by another version never reaches the UI unchecked.
const runRow = z
  .object({
    id: z.string(),
    pipeline_id: z.string(),
    pipeline_name: z.string(),
    number: z.number(),
    trigger: z.string(),
    rerun_of: z.string().nullable(),
    failed_only: z.number(),
    state: z.string(),
    created_at: z.number(),
    started_at: z.number().nullable(),
    finished_at: z.number().nullable(),
  })
  .transform((row) =>
    pipelineRunSchema.parse({
      id: row.id,
      pipelineId: row.pipeline_id,
      pipelineName: row.pipeline_name,
      number: row.number,
      trigger: row.trigger,
      rerunOf: row.rerun_of,
      failedOnly: row.failed_only === 1,
      state: row.state,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    }),
  );

const jobRow = z.object({
  key: z.string(),
  job_id: z.string(),
  name: z.string(),
  matrix: json(z.record(z.string(), z.unknown())).nullable(),
  needs: json(z.array(z.string())),
  state: pipelineStateSchema,
  executor: z.enum(['local', 'container']),
  started_at: z.number().nullable(),
  finished_at: z.number().nullable(),
  outputs: json(z.record(z.string(), z.string())),
  reused: z.number(),
  message: z.string().nullable(),
});

const stepRow = z.object({
  job_key: z.string(),
  step_index: z.number(),
  step_id: z.string(),
  name: z.string(),
  kind: z.string(),
  state: z.string(),
  outcome: z.string().nullable(),
  started_at: z.number().nullable(),
  finished_at: z.number().nullable(),
  command: z.string(),
  exit_code: z.number().nullable(),
  summary: z.string().nullable(),
});

const attemptRow = z.object({
  job_key: z.string(),
  step_index: z.number(),
  number: z.number(),
  started_at: z.number(),
  finished_at: z.number().nullable(),
  exit_code: z.number().nullable(),
  timed_out: z.number(),
  log_path: z.string(),
  log_lines: z.number(),
  log_truncated: z.number(),
});

/** Runs, jobs, steps, attempts, diagnostics and artifacts of one workspace's pipelines, in the profile database. */
export class RunStore {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly workspaceId: string,
  ) {}

  /** Statements are prepared once: a run writes a few rows per step. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  createRun(run: NewRun): PipelineRun {
    const insert = this.db.transaction((): number => {
      const { next } = this
        .sql('SELECT coalesce(max(number), 0) + 1 AS next FROM pipeline_runs WHERE workspace_id = ? AND pipeline_id = ?')
        .get(this.workspaceId, run.pipelineId) as { next: number };
      this
        .sql(
          `INSERT INTO pipeline_runs (id, workspace_id, pipeline_id, pipeline_name, number, trigger, rerun_of, failed_only, state, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
        )
        .run(run.id, this.workspaceId, run.pipelineId, run.pipelineName, next, run.trigger, run.rerunOf, run.failedOnly ? 1 : 0, run.createdAt);
      return next;
    });
    return { ...run, number: insert(), state: 'queued', startedAt: null, finishedAt: null };
  }

  saveRun(run: PipelineRun): void {
    this.sql('UPDATE pipeline_runs SET state = ?, started_at = ?, finished_at = ? WHERE id = ?').run(run.state, run.startedAt, run.finishedAt, run.id);
  }

  saveJob(runId: string, seq: number, job: PipelineJobState): void {
    this
      .sql(
        `INSERT INTO pipeline_jobs (run_id, key, seq, job_id, name, matrix, needs, state, executor, started_at, finished_at, outputs, reused, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, key) DO UPDATE SET name = excluded.name, state = excluded.state, started_at = excluded.started_at,
           finished_at = excluded.finished_at, outputs = excluded.outputs, message = excluded.message`,
      )
      .run(
        runId,
        job.key,
        seq,
        job.jobId,
        job.name,
        job.matrix ? JSON.stringify(job.matrix) : null,
        JSON.stringify(job.needs),
        job.state,
        job.executor,
        job.startedAt,
        job.finishedAt,
        JSON.stringify(job.outputs),
        job.reused ? 1 : 0,
        job.message,
      );
  }

  saveStep(runId: string, jobKey: string, step: PipelineStep): void {
    this
      .sql(
        `INSERT INTO pipeline_steps (run_id, job_key, step_index, step_id, name, kind, state, outcome, started_at, finished_at, command, exit_code, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, job_key, step_index) DO UPDATE SET name = excluded.name, state = excluded.state, outcome = excluded.outcome,
           started_at = excluded.started_at, finished_at = excluded.finished_at, command = excluded.command,
           exit_code = excluded.exit_code, summary = excluded.summary`,
      )
      .run(runId, jobKey, step.index, step.id, step.name, step.kind, step.state, step.outcome, step.startedAt, step.finishedAt, step.command, step.exitCode, step.summary);
  }

  /** Attempts are written when they start and completed once; a retry adds a row, never replaces one. */
  saveAttempt(runId: string, jobKey: string, stepIndex: number, attempt: StoredAttempt): void {
    this
      .sql(
        `INSERT INTO pipeline_attempts (run_id, job_key, step_index, number, started_at, finished_at, exit_code, timed_out, log_path, log_lines, log_truncated)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, job_key, step_index, number) DO UPDATE SET finished_at = excluded.finished_at, exit_code = excluded.exit_code,
           timed_out = excluded.timed_out, log_lines = excluded.log_lines, log_truncated = excluded.log_truncated
         WHERE pipeline_attempts.finished_at IS NULL`,
      )
      .run(
        runId,
        jobKey,
        stepIndex,
        attempt.number,
        attempt.startedAt,
        attempt.finishedAt,
        attempt.exitCode,
        attempt.timedOut ? 1 : 0,
        attempt.logPath,
        attempt.logLines,
        attempt.logTruncated ? 1 : 0,
      );
  }

  /** False once the run holds `maxDiagnosticsPerRun`. */
  addDiagnostic(runId: string, diagnostic: PipelineRunDiagnostic): boolean {
    const { count } = this.sql('SELECT count(*) AS count FROM pipeline_diagnostics WHERE run_id = ?').get(runId) as { count: number };
    if (count >= maxDiagnosticsPerRun) return false;
    this
      .sql('INSERT INTO pipeline_diagnostics (run_id, job_key, step_index, file, line, col, severity, message, source, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, diagnostic.jobKey, diagnostic.stepIndex, diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.severity, diagnostic.message, diagnostic.source, diagnostic.code);
    return true;
  }

  saveArtifact(runId: string, artifact: z.infer<typeof pipelineArtifactSchema>): void {
    this
      .sql('INSERT OR REPLACE INTO pipeline_artifacts (run_id, name, job_key, files, bytes) VALUES (?, ?, ?, ?, ?)')
      .run(runId, artifact.name, artifact.jobKey, artifact.files, artifact.bytes);
  }

  getRun(runId: string): PipelineRun | undefined {
    const row = this.sql('SELECT * FROM pipeline_runs WHERE id = ? AND workspace_id = ?').get(runId, this.workspaceId);
    return row ? runRow.parse(row) : undefined;
  }

  listRuns(pipelineId: string | undefined, limit: number, before: number | undefined): PipelineRun[] {
    const rows = this
      .sql(
        `SELECT * FROM pipeline_runs WHERE workspace_id = ? AND (? IS NULL OR pipeline_id = ?) AND (? IS NULL OR created_at < ?)
         ORDER BY created_at DESC, number DESC LIMIT ?`,
      )
      .all(this.workspaceId, pipelineId ?? null, pipelineId ?? null, before ?? null, before ?? null, limit);
    return rows.map((row) => runRow.parse(row));
  }

  getRunDetail(runId: string): PipelineRunDetail | undefined {
    const run = this.getRun(runId);
    if (!run) return undefined;
    const attempts = this
      .sql('SELECT * FROM pipeline_attempts WHERE run_id = ? ORDER BY job_key, step_index, number')
      .all(runId)
      .map((row) => attemptRow.parse(row));
    const steps = this
      .sql('SELECT * FROM pipeline_steps WHERE run_id = ? ORDER BY job_key, step_index')
      .all(runId)
      .map((row) => stepRow.parse(row));
    const jobs = this
      .sql('SELECT * FROM pipeline_jobs WHERE run_id = ? ORDER BY seq')
      .all(runId)
      .map((row) => {
        const job = jobRow.parse(row);
        return pipelineJobSchema.parse({
          key: job.key,
          jobId: job.job_id,
          name: job.name,
          matrix: job.matrix,
          needs: job.needs,
          state: job.state,
          executor: job.executor,
          startedAt: job.started_at,
          finishedAt: job.finished_at,
          outputs: job.outputs,
          reused: job.reused === 1,
          pause: null,
          message: job.message,
          steps: steps
            .filter((step) => step.job_key === job.key)
            .map((step) => ({
              index: step.step_index,
              id: step.step_id,
              name: step.name,
              kind: step.kind,
              state: step.state,
              outcome: step.outcome,
              startedAt: step.started_at,
              finishedAt: step.finished_at,
              command: step.command,
              exitCode: step.exit_code,
              summary: step.summary,
              attempts: attempts.filter((attempt) => attempt.job_key === job.key && attempt.step_index === step.step_index).map(toAttempt),
            })),
        });
      });
    const diagnostics = this
      .sql('SELECT job_key AS jobKey, step_index AS stepIndex, file, line, col AS column, severity, message, source, code FROM pipeline_diagnostics WHERE run_id = ? ORDER BY id')
      .all(runId)
      .map((row) => pipelineRunDiagnosticSchema.parse(row));
    const artifacts = this
      .sql('SELECT name, job_key AS jobKey, files, bytes FROM pipeline_artifacts WHERE run_id = ? ORDER BY name')
      .all(runId)
      .map((row) => pipelineArtifactSchema.parse(row));
    return { run, jobs, diagnostics, artifacts };
  }

  /** Where an attempt's log lives; undefined for an unknown attempt. */
  attemptLog(runId: string, jobKey: string, stepIndex: number, attempt: number | undefined): { number: number; logPath: string } | undefined {
    const row = this
      .sql(
        `SELECT number, log_path AS logPath FROM pipeline_attempts WHERE run_id = ? AND job_key = ? AND step_index = ? AND (? IS NULL OR number = ?)
         ORDER BY number DESC LIMIT 1`,
      )
      .get(runId, jobKey, stepIndex, attempt ?? null, attempt ?? null);
    return row ? z.object({ number: z.number(), logPath: z.string() }).parse(row) : undefined;
  }

  /** Runs of a pipeline beyond the newest `keep`, oldest first, for deletion with their files. */
  runsBeyond(pipelineId: string, keep: number): string[] {
    return this
      .sql(
        `SELECT id FROM pipeline_runs WHERE workspace_id = ? AND pipeline_id = ? AND state NOT IN ('queued', 'running', 'paused')
         ORDER BY created_at DESC, number DESC LIMIT -1 OFFSET ?`,
      )
      .all(this.workspaceId, pipelineId, keep)
      .map((row) => z.object({ id: z.string() }).parse(row).id);
  }

  deleteRun(runId: string): void {
    this.sql('DELETE FROM pipeline_runs WHERE id = ? AND workspace_id = ?').run(runId, this.workspaceId);
  }

  /** Runs a previous host left unfinished (it stopped, or crashed) are marked cancelled, with their jobs and steps. */
  closeInterrupted(now: number): void {
    this.db.transaction(() => {
      const unfinished = "('queued', 'running', 'paused')";
      const runs = `SELECT id FROM pipeline_runs WHERE workspace_id = ? AND state IN ${unfinished}`;
      this.sql(`UPDATE pipeline_steps SET state = 'cancelled', finished_at = ? WHERE state IN ${unfinished} AND run_id IN (${runs})`).run(now, this.workspaceId);
      this.sql(`UPDATE pipeline_jobs SET state = 'cancelled', finished_at = ? WHERE state IN ${unfinished} AND run_id IN (${runs})`).run(now, this.workspaceId);
      this.sql(`UPDATE pipeline_attempts SET finished_at = ? WHERE finished_at IS NULL AND run_id IN (${runs})`).run(now, this.workspaceId);
      this.sql(`UPDATE pipeline_runs SET state = 'cancelled', finished_at = ? WHERE workspace_id = ? AND state IN ${unfinished}`).run(now, this.workspaceId);
    })();
  }

  /** Job durations of a pipeline's latest runs, oldest first. */
  durations(pipelineId: string, limit: number): { run: PipelineRun; jobs: PipelineJobState[] }[] {
    const runs = this.listRuns(pipelineId, limit, undefined).reverse();
    return runs.map((run) => ({ run, jobs: this.getRunDetail(run.id)?.jobs ?? [] }));
  }
}

function toAttempt(row: z.infer<typeof attemptRow>): PipelineAttempt {
  return {
    number: row.number,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    exitCode: row.exit_code,
    timedOut: row.timed_out === 1,
    logLines: row.log_lines,
    logTruncated: row.log_truncated === 1,
  };
}
