import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Versions start at 1 and increase by one; a released migration is never edited, only followed. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export const profileMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ui state',
    up(db) {
      db.exec(`
        CREATE TABLE state (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'ai threads, usage and response cache',
    up(db) {
      db.exec(`
        CREATE TABLE ai_threads (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          workspace_id TEXT,
          title TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ai_threads_by_workspace ON ai_threads (workspace_id, updated_at DESC);

        CREATE TABLE ai_messages (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          thread_seq INTEGER NOT NULL REFERENCES ai_threads (seq) ON DELETE CASCADE,
          role TEXT NOT NULL,
          content TEXT NOT NULL,
          status TEXT NOT NULL,
          meta TEXT NOT NULL DEFAULT '{}',
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ai_messages_by_thread ON ai_messages (thread_seq, seq);

        CREATE VIRTUAL TABLE ai_messages_fts USING fts5 (
          content,
          content = 'ai_messages',
          content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER ai_messages_fts_insert AFTER INSERT ON ai_messages BEGIN
          INSERT INTO ai_messages_fts (rowid, content) VALUES (new.seq, new.content);
        END;
        CREATE TRIGGER ai_messages_fts_delete AFTER DELETE ON ai_messages BEGIN
          INSERT INTO ai_messages_fts (ai_messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
        END;
        CREATE TRIGGER ai_messages_fts_update AFTER UPDATE OF content ON ai_messages BEGIN
          INSERT INTO ai_messages_fts (ai_messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
          INSERT INTO ai_messages_fts (rowid, content) VALUES (new.seq, new.content);
        END;

        CREATE TABLE ai_usage (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          feature TEXT NOT NULL,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          input_tokens INTEGER NOT NULL,
          output_tokens INTEGER NOT NULL,
          tokens_exact INTEGER NOT NULL,
          cost_usd REAL,
          ttft_ms REAL,
          latency_ms REAL NOT NULL,
          outcome TEXT NOT NULL,
          error_code TEXT,
          cached INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ai_usage_by_time ON ai_usage (at);

        CREATE TABLE ai_response_cache (
          key TEXT PRIMARY KEY,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          response TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ai_response_cache_by_expiry ON ai_response_cache (expires_at);
      `);
    },
  },
  {
    version: 3,
    name: 'pipeline runs, jobs, steps, attempts, diagnostics and artifacts',
    up(db) {
      db.exec(`
        CREATE TABLE pipeline_runs (
          id TEXT PRIMARY KEY,
          workspace_id TEXT NOT NULL,
          pipeline_id TEXT NOT NULL,
          pipeline_name TEXT NOT NULL,
          number INTEGER NOT NULL,
          trigger TEXT NOT NULL,
          rerun_of TEXT,
          failed_only INTEGER NOT NULL,
          state TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          started_at INTEGER,
          finished_at INTEGER,
          UNIQUE (workspace_id, pipeline_id, number)
        ) STRICT;
        CREATE INDEX pipeline_runs_by_time ON pipeline_runs (workspace_id, created_at DESC);
        CREATE INDEX pipeline_runs_by_pipeline ON pipeline_runs (workspace_id, pipeline_id, created_at DESC);

        CREATE TABLE pipeline_jobs (
          run_id TEXT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          seq INTEGER NOT NULL,
          job_id TEXT NOT NULL,
          name TEXT NOT NULL,
          matrix TEXT,
          needs TEXT NOT NULL,
          state TEXT NOT NULL,
          executor TEXT NOT NULL,
          started_at INTEGER,
          finished_at INTEGER,
          outputs TEXT NOT NULL,
          reused INTEGER NOT NULL,
          message TEXT,
          PRIMARY KEY (run_id, key)
        ) STRICT;

        CREATE TABLE pipeline_steps (
          run_id TEXT NOT NULL,
          job_key TEXT NOT NULL,
          step_index INTEGER NOT NULL,
          step_id TEXT NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          state TEXT NOT NULL,
          outcome TEXT,
          started_at INTEGER,
          finished_at INTEGER,
          command TEXT NOT NULL,
          exit_code INTEGER,
          summary TEXT,
          PRIMARY KEY (run_id, job_key, step_index),
          FOREIGN KEY (run_id, job_key) REFERENCES pipeline_jobs (run_id, key) ON DELETE CASCADE
        ) STRICT;

        CREATE TABLE pipeline_attempts (
          run_id TEXT NOT NULL,
          job_key TEXT NOT NULL,
          step_index INTEGER NOT NULL,
          number INTEGER NOT NULL,
          started_at INTEGER NOT NULL,
          finished_at INTEGER,
          exit_code INTEGER,
          timed_out INTEGER NOT NULL,
          log_path TEXT NOT NULL,
          log_lines INTEGER NOT NULL,
          log_truncated INTEGER NOT NULL,
          PRIMARY KEY (run_id, job_key, step_index, number),
          FOREIGN KEY (run_id, job_key, step_index) REFERENCES pipeline_steps (run_id, job_key, step_index) ON DELETE CASCADE
        ) STRICT;

        CREATE TABLE pipeline_diagnostics (
          id INTEGER PRIMARY KEY,
          run_id TEXT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
          job_key TEXT NOT NULL,
          step_index INTEGER NOT NULL,
          file TEXT,
          line INTEGER,
          col INTEGER,
          severity TEXT NOT NULL,
          message TEXT NOT NULL,
          source TEXT NOT NULL,
          code TEXT
        ) STRICT;
        CREATE INDEX pipeline_diagnostics_by_run ON pipeline_diagnostics (run_id, id);

        CREATE TABLE pipeline_artifacts (
          run_id TEXT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          job_key TEXT NOT NULL,
          files INTEGER NOT NULL,
          bytes INTEGER NOT NULL,
          PRIMARY KEY (run_id, name)
        ) STRICT;
      `);
    },
  },
  {
    version: 4,
    name: 'plugin approvals, storage and secret keys',
    up(db) {
      db.exec(`
        CREATE TABLE plugins (
          id TEXT PRIMARY KEY,
          enabled INTEGER NOT NULL,
          approved INTEGER NOT NULL,
          granted_permissions TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE plugin_storage (
          plugin_id TEXT NOT NULL,
          scope TEXT NOT NULL,
          key TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (plugin_id, scope, key)
        ) STRICT;

        CREATE TABLE plugin_secret_keys (
          plugin_id TEXT NOT NULL,
          key TEXT NOT NULL,
          PRIMARY KEY (plugin_id, key)
        ) STRICT;
      `);
    },
  },
];
