import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings, isLatheError, type LatheErrorData, type SettingKey, type SettingsValues } from '../../../../src-shared/contract';
import { AiService, type AiServiceOptions } from '../../../../src-main/services/ai';
import { openDatabase, profileMigrations } from '../../../../src-main/services/storage';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

export interface AiHarness {
  service: AiService;
  settings: Partial<SettingsValues>;
  secrets: Map<string, string>;
  workspaceRoot: string;
  profile: string;
  db: ReturnType<typeof openDatabase>['db'];
  dispose(): Promise<void>;
}

/** Settings that keep tests quick: short timeouts, one retry, nothing periodic. */
export const quickSettings: Partial<SettingsValues> = {
  'ai.request.connectTimeoutMs': 2000,
  'ai.request.firstTokenTimeoutMs': 2000,
  'ai.request.idleTimeoutMs': 2000,
  'ai.request.maxRetries': 1,
  'ai.healthCheck.intervalMinutes': 0,
  'ai.chat.temperature': 0.5,
};

/** An AI service on a fresh profile database and workspace folder; settings and secrets can change between calls. */
export async function startAi(settings: Partial<SettingsValues> = {}, extra: Partial<AiServiceOptions> = {}): Promise<AiHarness> {
  const scratch = mkdtempSync(join(tmpdir(), 'lathe-ai-'));
  const workspaceRoot = join(scratch, 'workspace');
  const profile = join(scratch, 'profile');
  mkdirSync(workspaceRoot, { recursive: true });
  const { db } = openDatabase(join(profile, 'lathe.db'), profileMigrations, silentLogger);
  const values: Partial<SettingsValues> = { ...quickSettings, ...settings };
  const secrets = new Map<string, string>();
  const guard = await PathGuard.create(workspaceRoot);
  const service = new AiService({
    db,
    settings: <K extends SettingKey>(key: K) => (key in values ? (values[key] as SettingsValues[K]) : defaultSettings[key]),
    secrets: { get: async (name) => secrets.get(name) },
    workspace: { id: 'test-workspace', files: guard },
    logger: silentLogger,
    modelsFolder: join(profile, 'models'),
    backoff: { initialMs: 10, maxMs: 40 },
    ...extra,
  });
  return {
    service,
    settings: values,
    secrets,
    workspaceRoot,
    profile,
    db,
    async dispose() {
      await service.dispose();
      db.close();
    },
  };
}

export interface Collected<T> {
  chunks: T[];
  error: LatheErrorData | undefined;
}

/** Reads a stream to its end; a failure ends it like the router would report it. */
export async function collect<T>(stream: AsyncIterable<T>, onChunk?: (chunk: T) => void): Promise<Collected<T>> {
  const chunks: T[] = [];
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      onChunk?.(chunk);
    }
    return { chunks, error: undefined };
  } catch (error) {
    if (!isLatheError(error)) throw error;
    return { chunks, error: (error as { toData?: () => LatheErrorData }).toData?.() ?? error };
  }
}

export function textOf(chunks: { kind: string }[]): string {
  return chunks
    .filter((chunk): chunk is { kind: 'text'; text: string } => chunk.kind === 'text')
    .map((chunk) => chunk.text)
    .join('');
}
