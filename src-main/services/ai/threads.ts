import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  aiAnswererSchema,
  aiAttachmentReportSchema,
  aiFailureSchema,
  aiToolCallSchema,
  aiUsageSchema,
  LatheError,
  type AiMessage,
  type AiSearchHit,
  type AiThread,
} from '../../../src-shared/contract';

/** Everything of a message besides its text, kept as JSON; `context` is the attached text as sent (not shown, not searched). */
const metaSchema = z.object({
  error: aiFailureSchema.optional(),
  attachments: z.array(aiAttachmentReportSchema).optional(),
  toolCalls: z.array(aiToolCallSchema).optional(),
  toolCallId: z.string().optional(),
  answeredBy: aiAnswererSchema.optional(),
  usage: aiUsageSchema.optional(),
  context: z.string().optional(),
});
type MessageMeta = z.infer<typeof metaSchema>;

export interface StoredMessage extends AiMessage {
  /** The attached context the message was sent with. */
  context: string;
}

export interface NewMessage {
  role: AiMessage['role'];
  content: string;
  status: AiMessage['status'];
  meta?: MessageMeta;
}

interface ThreadRow {
  seq: number;
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  message_count: number;
}

interface SearchRow {
  thread_id: string;
  title: string;
  id: string;
  role: string;
  created_at: number;
  snippet: string;
}

interface MessageRow {
  id: string;
  role: string;
  content: string;
  status: string;
  meta: string;
  created_at: number;
}

const roleSchema = z.enum(['user', 'assistant', 'tool']);
const statusSchema = z.enum(['complete', 'stopped', 'error']);

// Private-use characters mark matches in FTS5 snippets; they cannot occur in the text they mark.
const matchStart = '\uE000';
const matchEnd = '\uE001';

const threadColumns = `t.seq, t.id, t.title, t.created_at, t.updated_at,
  (SELECT COUNT(*) FROM ai_messages m WHERE m.thread_seq = t.seq) AS message_count`;

/** Chat threads of one workspace (or of no folder) and their messages, with full-text search. */
export class ThreadStore {
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly workspaceId: string | null,
    private readonly now: () => number = Date.now,
  ) {
    // Prepared once: compiling SQL costs more than running it.
    this.statements = {
      list: db.prepare<[string | null, number, number], ThreadRow>(
        `SELECT ${threadColumns} FROM ai_threads t WHERE t.workspace_id IS ? ORDER BY t.updated_at DESC, t.seq DESC LIMIT ? OFFSET ?`,
      ),
      thread: db.prepare<[string, string | null], ThreadRow>(`SELECT ${threadColumns} FROM ai_threads t WHERE t.id = ? AND t.workspace_id IS ?`),
      messages: db.prepare<[number], MessageRow>('SELECT id, role, content, status, meta, created_at FROM ai_messages WHERE thread_seq = ? ORDER BY seq'),
      message: db.prepare<[string], MessageRow>('SELECT id, role, content, status, meta, created_at FROM ai_messages WHERE id = ?'),
      messageSeq: db.prepare<[string, number], { seq: number }>('SELECT seq FROM ai_messages WHERE id = ? AND thread_seq = ?'),
      idsFrom: db.prepare<[number, number], { id: string }>('SELECT id FROM ai_messages WHERE thread_seq = ? AND seq >= ? ORDER BY seq'),
      createThread: db.prepare<[string, string | null, string, number, number]>(
        'INSERT INTO ai_threads (id, workspace_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      renameThread: db.prepare<[string, number, string]>('UPDATE ai_threads SET title = ?, updated_at = ? WHERE id = ?'),
      touchThread: db.prepare<[number, number]>('UPDATE ai_threads SET updated_at = ? WHERE seq = ?'),
      deleteThread: db.prepare<[number]>('DELETE FROM ai_threads WHERE seq = ?'),
      insertMessage: db.prepare<[string, number, string, string, string, string, number]>(
        'INSERT INTO ai_messages (id, thread_seq, role, content, status, meta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteMessagesFrom: db.prepare<[number, number]>('DELETE FROM ai_messages WHERE thread_seq = ? AND seq >= ?'),
      search: db.prepare<[string, string, string, string | null, number], SearchRow>(
        `SELECT t.id AS thread_id, t.title, m.id, m.role, m.created_at,
           snippet(ai_messages_fts, 0, ?, ?, '…', 16) AS snippet
         FROM ai_messages_fts
         JOIN ai_messages m ON m.seq = ai_messages_fts.rowid
         JOIN ai_threads t ON t.seq = m.thread_seq
         WHERE ai_messages_fts MATCH ? AND t.workspace_id IS ?
         ORDER BY bm25(ai_messages_fts) LIMIT ?`,
      ),
    };
  }

  list(limit: number, offset: number): AiThread[] {
    return this.statements.list.all(this.workspaceId, limit, offset).map(toThread);
  }

  thread(id: string): AiThread {
    return toThread(this.row(id));
  }

  messages(threadId: string): StoredMessage[] {
    const { seq } = this.row(threadId);
    return this.statements.messages.all(seq).map((row) => toMessage(row, threadId));
  }

  create(title: string): AiThread {
    const id = newId();
    const at = this.now();
    this.statements.createThread.run(id, this.workspaceId, title, at, at);
    return this.thread(id);
  }

  rename(id: string, title: string): AiThread {
    this.row(id);
    this.statements.renameThread.run(title, this.now(), id);
    return this.thread(id);
  }

  delete(id: string): void {
    this.statements.deleteThread.run(this.row(id).seq);
  }

  append(threadId: string, message: NewMessage): StoredMessage {
    const { seq } = this.row(threadId);
    const id = newId();
    const at = this.now();
    this.db.transaction(() => {
      this.statements.insertMessage.run(id, seq, message.role, message.content, message.status, JSON.stringify(message.meta ?? {}), at);
      this.statements.touchThread.run(at, seq);
    })();
    return this.message(threadId, id);
  }

  /** Removes a message and every later one of its thread; returns their ids. */
  removeFrom(threadId: string, messageId: string): string[] {
    const { seq } = this.row(threadId);
    const from = this.statements.messageSeq.get(messageId, seq);
    if (!from) throw new LatheError('NOT_FOUND', `There is no message ${messageId} in this thread`);
    return this.db.transaction(() => {
      const ids = this.statements.idsFrom.all(seq, from.seq).map((row) => row.id);
      this.statements.deleteMessagesFrom.run(seq, from.seq);
      return ids;
    })();
  }

  /** Words of `query` must all occur; the last one also matches as a prefix (search as you type). */
  search(query: string, limit: number): AiSearchHit[] {
    const words = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = words.map((word, index) => `"${word.replace(/"/g, '""')}"${index === words.length - 1 ? '*' : ''}`).join(' ');
    return this.statements.search.all(matchStart, matchEnd, match, this.workspaceId, limit).map((row) => ({
      threadId: row.thread_id,
      threadTitle: row.title,
      messageId: row.id,
      role: roleSchema.parse(row.role),
      createdAt: row.created_at,
      ...highlights(row.snippet),
    }));
  }

  private message(threadId: string, id: string): StoredMessage {
    const row = this.statements.message.get(id);
    if (!row) throw new LatheError('NOT_FOUND', `There is no message ${id}`);
    return toMessage(row, threadId);
  }

  private row(id: string): ThreadRow {
    const row = this.statements.thread.get(id, this.workspaceId);
    if (!row) throw new LatheError('NOT_FOUND', `There is no chat thread ${id}`);
    return row;
  }
}

/** A message as clients see it (the attached context stays in main). */
export function publicMessage(message: StoredMessage): AiMessage {
  const { context: _context, ...rest } = message;
  return rest;
}

function newId(): string {
  return randomUUID().replace(/-/g, '');
}

function toThread(row: ThreadRow): AiThread {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, messageCount: row.message_count };
}

function toMessage(row: MessageRow, threadId: string): StoredMessage {
  const parsedMeta = metaSchema.safeParse(safeJson(row.meta));
  const meta = parsedMeta.success ? parsedMeta.data : {};
  const { context, ...details } = meta;
  return {
    id: row.id,
    threadId,
    role: roleSchema.parse(row.role),
    content: row.content,
    createdAt: row.created_at,
    status: statusSchema.parse(row.status),
    ...details,
    context: context ?? '',
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Strips the match markers from a snippet and returns where they were. */
function highlights(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const ranges: [number, number][] = [];
  let start = -1;
  for (const character of marked) {
    if (character === matchStart) start = snippet.length;
    else if (character === matchEnd) {
      if (start >= 0) ranges.push([start, snippet.length]);
      start = -1;
    } else snippet += character;
  }
  return { snippet, highlights: ranges };
}
