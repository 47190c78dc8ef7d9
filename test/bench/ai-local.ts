// P9: tokens per second of the embedded model through Lathe (orchestrator, model process, router and a
// JSON channel like the WebSocket's) against node-llama-cpp called directly in this process, on the same
// random-weight GGUF model, threads, context size, prompt and greedy sampling; runs alternate. The rate is
// the decoding rate (tokens from the first one on, as llama.cpp reports it); the time to the first token,
// where Lathe's per-request work (thread, routing, token count) shows, is printed beside it.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { getLlama, LlamaChat, type ChatHistoryItem } from 'node-llama-cpp';
import pino from 'pino';
import { aiChatInputSchema, contract, defaultSettings, type SettingKey, type SettingsValues } from '../../src-shared/contract';
import { createRpcClient } from '../../src-shared/rpc/client';
import { createRouter } from '../../src-main/host/router';
import { AiService } from '../../src-main/services/ai';
import { systemPrompt } from '../../src-main/services/ai/prompts';
import { openDatabase, profileMigrations } from '../../src-main/services/storage';
import { repoRoot } from '../e2e/lathe-server';
import { channelPair } from '../unit/helpers/channel-pair';
import { writeTinyModel } from '../unit/helpers/tiny-gguf';
import { median } from './measure';

const threads = Number(process.env.P9_THREADS ?? 1);
const maxTokens = Number(process.env.P9_TOKENS ?? 400);
const runs = Number(process.env.P9_RUNS ?? 9);
const contextSize = 2048;
const prompt = 'Write a short story about a lathe.';

const scratch = mkdtempSync(join(tmpdir(), 'lathe-p9-'));
const modelPath = writeTinyModel(join(scratch, 'bench.gguf'), { layers: Number(process.env.P9_LAYERS ?? 4), dim: Number(process.env.P9_DIM ?? 256) });

// Raw: node-llama-cpp in this process, with the system prompt Lathe sends.
const llama = await getLlama({ gpu: false, build: 'never' });
const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
const context = await model.createContext({ contextSize, threads, sequences: 1 });
const rawChat = new LlamaChat({ contextSequence: context.getSequence() });
interface Run {
  tokens: number;
  /** From the request to the first token. */
  firstTokenMs: number;
  /** From the first token to the end of the answer. */
  decodeMs: number;
}

async function raw(): Promise<Run> {
  const history: ChatHistoryItem[] = [
    { type: 'system', text: systemPrompt('chat', []) },
    { type: 'user', text: prompt },
    { type: 'model', response: [] },
  ];
  let tokens = 0;
  let first = 0;
  const started = performance.now();
  await rawChat.generateResponse(history, {
    maxTokens,
    temperature: 0,
    onTextChunk: () => undefined,
    onToken: (generated) => {
      first ||= performance.now();
      tokens += generated.length;
    },
  });
  return { tokens, firstTokenMs: first - started, decodeMs: performance.now() - first };
}

// Lathe: the AI service with its model process (bundled fresh beside this benchmark), served by the router.
const llmHostPath = join(repoRoot, 'out', 'bench', 'llm-host.mjs');
await esbuild.build({ entryPoints: [join(repoRoot, 'src-main/services/ai/llm-host.ts')], outfile: llmHostPath, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' });
mkdirSync(join(scratch, 'profile'));
const logger = pino({ level: 'silent' });
const { db } = openDatabase(join(scratch, 'profile', 'lathe.db'), profileMigrations, logger);
const settings: Partial<SettingsValues> = {
  'ai.local.modelPath': modelPath,
  'ai.local.threads': threads,
  'ai.local.contextSize': contextSize,
  'ai.local.gpu': 'cpu',
  'ai.cache.enabled': false,
  'ai.healthCheck.intervalMinutes': 0,
};
const ai = new AiService({
  db,
  settings: <K extends SettingKey>(key: K) => (key in settings ? (settings[key] as SettingsValues[K]) : defaultSettings[key]),
  secrets: { get: async () => undefined },
  workspace: null,
  logger,
  modelsFolder: join(scratch, 'models'),
  llmHostPath,
});
const router = createRouter({ contract, handlers: { ai: { chat: (input: unknown, call: { signal: AbortSignal }) => ai.chat(aiChatInputSchema.parse(input), call.signal) } }, logger });
const pair = channelPair();
router.connect(pair.host, 'bench');
const api = createRpcClient(contract, pair.client).api;

function throughLathe(): Promise<Run> {
  const started = performance.now();
  let first = 0;
  return new Promise((resolve, reject) => {
    api.ai.chat(
      { action: { kind: 'send', text: prompt }, maxOutputTokens: maxTokens, temperature: 0 },
      {
        next(chunk) {
          if (chunk.kind === 'text') first ||= performance.now();
          if (chunk.kind === 'done') resolve({ tokens: chunk.message.usage?.outputTokens ?? 0, firstTokenMs: first - started, decodeMs: performance.now() - first });
        },
        error: (error) => reject(new Error(error.message)),
      },
    );
  });
}

await raw();
await throughLathe();
const rawRuns: Run[] = [];
const latheRuns: Run[] = [];
const describe = (run: Run) => `${run.tokens} tokens, first after ${run.firstTokenMs.toFixed(0)} ms, then ${run.decodeMs.toFixed(0)} ms`;
for (let run = 0; run < runs; run += 1) {
  rawRuns.push(await raw());
  latheRuns.push(await throughLathe());
  console.log(`run ${run + 1}: raw ${describe(rawRuns.at(-1) as Run)}; lathe ${describe(latheRuns.at(-1) as Run)}`);
}
router.closeAll();
await ai.dispose();
db.close();
const rate = (list: Run[]) => median(list.map((run) => (run.tokens * 1000) / run.decodeMs));
const firstToken = (list: Run[]) => median(list.map((run) => run.firstTokenMs));
console.log(
  `P9 local tokens/s ratio=${(rate(latheRuns) / rate(rawRuns)).toFixed(2)} (lathe ${rate(latheRuns).toFixed(0)} / raw ${rate(rawRuns).toFixed(0)} tokens/s; first token lathe ${firstToken(latheRuns).toFixed(0)} / raw ${firstToken(rawRuns).toFixed(0)} ms; ${threads} thread${threads === 1 ? '' : 's'}, up to ${maxTokens} tokens, medians of ${runs}) goal>=0.95`,
);
process.exit(0);
