// P8: what Lathe adds to a streamed answer. A local OpenAI-compatible server (its own process) streams
// deltas at a steady pace, each carrying the moment it was written; they reach a client through Lathe
// (browser-mode server in its own process: orchestrator, router, WebSocket) and, as the anchor, through
// the openai SDK reading the same server directly. Per-chunk latency p50 and time to first token, alternating runs.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import OpenAI from 'openai';
import { WebSocket } from 'ws';
import { contract, type LatheApi } from '../../src-shared/contract';
import { createRpcClient } from '../../src-shared/rpc/client';
import { parseJsonEnvelope } from '../../src-shared/rpc/wire';
import { tokenCookieName } from '../../src-main/server/auth';
import { repoRoot } from '../e2e/lathe-server';
import { median } from './measure';

const chunkCount = Number(process.env.P8_CHUNKS ?? 200);
const intervalMs = Number(process.env.P8_INTERVAL_MS ?? 5);
const runs = Number(process.env.P8_RUNS ?? 9);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
const delta = (content: string, finish: string | null = null) => ({
  id: 'bench',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'bench',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});

const now = () => performance.timeOrigin + performance.now();

// The provider runs in a process of its own (this script again), as a real server would: the first delta
// at once, then one every intervalMs; each delta's text is the wall-clock time it was written.
if (process.env.P8_PROVIDER) {
  const provider = createServer((request, response) => {
    void (async () => {
      for await (const _ of request) void _;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let index = 0; index < chunkCount; index += 1) {
        response.write(frame(delta(`${now().toFixed(3)};`)));
        await sleep(intervalMs);
      }
      response.write(frame(delta('', 'stop')));
      response.end('data: [DONE]\n\n');
    })();
  });
  provider.listen(0, '127.0.0.1', () => process.stdout.write(`port ${(provider.address() as AddressInfo).port}\n`));
  process.on('disconnect', () => process.exit(0));
  await new Promise(() => undefined);
}

const provider = spawn(process.execPath, [process.argv[1] as string], { env: { ...process.env, P8_PROVIDER: '1' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const providerOutput = provider.stdout;
if (!providerOutput) throw new Error('the provider process has no stdout');
const baseURL = await new Promise<string>((resolve) => {
  providerOutput.on('data', (chunk: Buffer) => {
    const match = /port (\d+)/.exec(chunk.toString());
    if (match) resolve(`http://127.0.0.1:${match[1]}/v1`);
  });
});

// Lathe's browser-mode server, bundled fresh beside this benchmark, on a profile routing chat to the provider.
const serverBundle = join(repoRoot, 'out', 'bench', 'lathe-server.mjs');
await esbuild.build({ entryPoints: [join(repoRoot, 'src-main/server/main.ts')], outfile: serverBundle, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' });
const scratch = mkdtempSync(join(tmpdir(), 'lathe-p8-'));
const workspace = join(scratch, 'workspace');
const profile = join(scratch, 'profile');
mkdirSync(workspace);
mkdirSync(profile);
writeFileSync(
  join(profile, 'settings.json'),
  JSON.stringify({
    'ai.compatible.servers': [{ id: 'bench', preset: 'custom', baseUrl: baseURL }],
    'ai.routing.chat': [{ provider: 'bench', model: 'bench' }],
    'ai.cache.enabled': false,
    'ai.healthCheck.intervalMinutes': 0,
  }),
);
const lathe = spawn(process.execPath, [serverBundle, workspace, '--port', '0', '--user-data-dir', profile], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<URL>((resolve, reject) => {
  let stdout = '';
  lathe.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const match = /ready at (http:\/\/\S+)/.exec(stdout);
    if (match?.[1]) resolve(new URL(match[1]));
  });
  lathe.once('exit', (code) => reject(new Error(`Lathe exited with ${code} before it was ready`)));
});
const socket = new WebSocket(`ws://${url.host}/rpc`, { headers: { Cookie: `${tokenCookieName(Number(url.port))}=${url.searchParams.get('token')}`, Origin: url.origin } });
await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
const api: LatheApi = createRpcClient(contract, {
  post: (message) => socket.send(JSON.stringify(message)),
  on: (deliver) =>
    socket.on('message', (data: Buffer) => {
      const envelope = parseJsonEnvelope(data.toString());
      if (envelope) deliver(envelope);
    }),
}).api;

interface Run {
  timeToFirstTokenMs: number;
  latencies: number[];
}

/** Each delta's latency: from its write time to when the reader holds it. */
function record(text: string, latencies: number[]): void {
  const receivedAt = now();
  for (const stamp of text.split(';')) if (stamp) latencies.push(receivedAt - Number(stamp));
}

async function throughLathe(): Promise<Run> {
  const latencies: number[] = [];
  const started = performance.now();
  let first = 0;
  await new Promise<void>((resolve, reject) => {
    api.ai.chat(
      { action: { kind: 'send', text: 'bench' } },
      {
        next(chunk) {
          if (chunk.kind !== 'text') return;
          first ||= performance.now();
          record(chunk.text, latencies);
        },
        error: (error) => reject(new Error(error.message)),
        complete: resolve,
      },
    );
  });
  return { timeToFirstTokenMs: first - started, latencies };
}

const sdk = new OpenAI({ baseURL, apiKey: 'bench', maxRetries: 0 });
async function throughSdk(): Promise<Run> {
  const latencies: number[] = [];
  const started = performance.now();
  let first = 0;
  const stream = await sdk.chat.completions.create({ model: 'bench', messages: [{ role: 'user', content: 'bench' }], stream: true });
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta.content;
    if (!text) continue;
    first ||= performance.now();
    record(text, latencies);
  }
  return { timeToFirstTokenMs: first - started, latencies };
}

await throughSdk();
await throughLathe();
const latheRuns: Run[] = [];
const sdkRuns: Run[] = [];
for (let run = 0; run < runs; run += 1) {
  sdkRuns.push(await throughSdk());
  latheRuns.push(await throughLathe());
  const [sdkRun, latheRun] = [sdkRuns.at(-1) as Run, latheRuns.at(-1) as Run];
  console.log(
    `run ${run + 1}: sdk p50 ${median(sdkRun.latencies).toFixed(2)} ms, ttft ${sdkRun.timeToFirstTokenMs.toFixed(1)} ms; lathe p50 ${median(latheRun.latencies).toFixed(2)} ms, ttft ${latheRun.timeToFirstTokenMs.toFixed(1)} ms (${latheRun.latencies.length}/${chunkCount} chunks)`,
  );
}
socket.close();
lathe.kill('SIGTERM');
provider.kill('SIGTERM');

const p50 = (list: Run[]) => median(list.map((run) => median(run.latencies)));
const ttft = (list: Run[]) => median(list.map((run) => run.timeToFirstTokenMs));
const overhead = p50(latheRuns) - p50(sdkRuns);
const addedTtft = ttft(latheRuns) - ttft(sdkRuns);
console.log(
  `P8 relay overhead p50=${overhead.toFixed(2)} ms/chunk, ttft +${addedTtft.toFixed(1)} ms (lathe p50 ${p50(latheRuns).toFixed(2)} ms, ttft ${ttft(latheRuns).toFixed(1)} ms / sdk p50 ${p50(sdkRuns).toFixed(2)} ms, ttft ${ttft(sdkRuns).toFixed(1)} ms; ${chunkCount} chunks every ${intervalMs} ms, medians of ${runs}) goal<=1 ms,<=5 ms`,
);
process.exit(0);
