import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aiChatChunkSchema,
  aiChatInputSchema,
  aiCompleteInputSchema,
  aiGenerationChunkSchema,
  type AiChatChunk,
  type AiChatInput,
} from '../../../../src-shared/contract';
import { tinyModelBytes, writeTinyModel } from '../../helpers/tiny-gguf';
import { collect, startAi, textOf, type AiHarness } from './harness';
import { buildHelperScript } from '../../helpers/build-helper-script';

let ai: AiHarness;
let modelFile: string;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'lathe-local-model-'));
  modelFile = writeTinyModel(join(scratch, 'tiny.gguf'), { fim: true });
  ai = await startAi(
    {
      'ai.local.modelPath': modelFile,
      'ai.local.threads': 1,
      'ai.local.contextSize': 4096,
      'ai.local.gpu': 'cpu',
      'ai.request.firstTokenTimeoutMs': 20_000,
      'ai.request.idleTimeoutMs': 20_000,
      'ai.request.maxRetries': 0,
    },
    { llmHostPath: await buildHelperScript('src-main/services/ai/llm-host.ts', 'esm') },
  );
}, 60_000);

afterAll(async () => {
  await ai?.dispose();
});

function chat(input: AiChatInput, signal = new AbortController().signal, onChunk?: (chunk: AiChatChunk) => void) {
  return collect(ai.service.chat(aiChatInputSchema.parse(input), signal), (chunk) => {
    aiChatChunkSchema.parse(chunk);
    onChunk?.(chunk);
  });
}

const localState = async () => (await ai.service.providers()).find((status) => status.id === 'local')?.local;

describe('the embedded model', () => {
  it('is the default when no key is set, and streams tokens from its own process', async () => {
    const { chunks, error } = await chat({ action: { kind: 'send', text: 'hello world' }, maxOutputTokens: 24 });
    expect(error).toBeUndefined();
    expect(chunks[1]).toEqual({ kind: 'answering', provider: 'local', model: 'tiny.gguf', cached: false });
    expect(chunks.filter((chunk) => chunk.kind === 'text').length).toBeGreaterThan(0);
    const done = chunks.at(-1) as Extract<AiChatChunk, { kind: 'done' }>;
    expect(done.message.usage).toMatchObject({ exact: true, costUsd: 0 });
    expect(done.message.usage?.outputTokens).toBeGreaterThan(0);
    expect(done.message.usage?.outputTokens).toBeLessThanOrEqual(24);
    expect(await localState()).toMatchObject({ state: 'loaded', backend: 'cpu', threads: 1, contextSize: 4096 });
    const count = await ai.service.countTokens({ text: 'fn main() {}' }, new AbortController().signal);
    expect(count).toMatchObject({ exact: true, contextWindow: 4096, answeredBy: { provider: 'local', model: 'tiny.gguf' } });
  });

  it('stops generating soon after a cancel', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const first = await chat({ action: { kind: 'send', text: 'write a long story' }, maxOutputTokens: 3000 }, controller.signal, (chunk) => {
      if (chunk.kind === 'text' && !abortedAt) {
        abortedAt = performance.now();
        controller.abort();
      }
    });
    expect(first.error).toBeUndefined();
    // One generation runs at a time: the next answer starts only once the cancelled one has stopped.
    let firstTokenAt = 0;
    await chat({ action: { kind: 'send', text: 'short' }, maxOutputTokens: 4 }, undefined, (chunk) => {
      if (chunk.kind === 'text' && !firstTokenAt) firstTokenAt = performance.now();
    });
    expect(firstTokenAt - abortedAt).toBeLessThan(500);
    const threadId = (first.chunks[0] as Extract<AiChatChunk, { kind: 'start' }>).thread.id;
    expect(ai.service.getThread(threadId).messages.at(-1)?.status).toBe('stopped');
  });

  it('fills in the middle with the model\'s infill tokens', async () => {
    const { chunks, error } = await collect(
      ai.service.complete(aiCompleteInputSchema.parse({ prefix: 'fn main() {\n    let x = ', suffix: ';\n}\n', maxOutputTokens: 8 }), new AbortController().signal),
      (chunk) => aiGenerationChunkSchema.parse(chunk),
    );
    expect(error).toBeUndefined();
    expect(chunks[0]).toMatchObject({ kind: 'answering', provider: 'local' });
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', answeredBy: { provider: 'local', model: 'tiny.gguf' } });
  });

  it('embeds texts', async () => {
    const result = await ai.service.embed({ texts: ['fn main', 'struct Point'] }, new AbortController().signal);
    expect(result.answeredBy).toEqual({ provider: 'local', model: 'tiny.gguf' });
    expect(result.vectors).toHaveLength(2);
    expect(result.vectors[0]).toHaveLength(64);
  });

  it('answers when the network providers are unreachable', async () => {
    ai.settings['ai.compatible.servers'] = [{ id: 'offline', preset: 'custom', baseUrl: 'http://127.0.0.1:9/v1' }];
    ai.settings['ai.routing.chat'] = [{ provider: 'offline', model: 'any' }, { provider: 'local' }];
    try {
      const { chunks } = await chat({ action: { kind: 'send', text: 'hi' }, maxOutputTokens: 4 });
      expect(chunks.find((chunk) => chunk.kind === 'fallback')).toMatchObject({ from: { provider: 'offline' }, reason: { code: 'connection' }, to: { provider: 'local' } });
      expect(chunks.find((chunk) => chunk.kind === 'answering')).toMatchObject({ provider: 'local' });
    } finally {
      ai.settings['ai.compatible.servers'] = [];
      ai.settings['ai.routing.chat'] = [];
    }
  });

  it('unloads on demand and loads again on the next request', async () => {
    ai.service.unloadLocalModel();
    expect(await localState()).toMatchObject({ state: 'unloaded' });
    const { error } = await chat({ action: { kind: 'send', text: 'again' }, maxOutputTokens: 2 });
    expect(error).toBeUndefined();
    expect(await localState()).toMatchObject({ state: 'loaded' });
  });
});

describe('a bad model file', () => {
  it('is refused with a clear error when it is not a model', async () => {
    const garbage = join(scratch, 'garbage.gguf');
    writeFileSync(garbage, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(64, 7)]));
    ai.settings['ai.local.modelPath'] = garbage;
    try {
      const { error } = await chat({ action: { kind: 'send', text: 'hi' } });
      expect(error?.code).toBe('UNAVAILABLE');
      expect(error?.message).toMatch(/local: The local model (failed|process stopped)/);
      expect(await localState()).toMatchObject({ state: 'error' });
    } finally {
      ai.settings['ai.local.modelPath'] = modelFile;
    }
  });

  it('that aborts the native code takes down only the model process', async () => {
    const crashing = join(scratch, 'f16-norms.gguf');
    writeFileSync(crashing, tinyModelBytes({ f16Norms: true }));
    ai.settings['ai.local.modelPath'] = crashing;
    try {
      const { error } = await chat({ action: { kind: 'send', text: 'hi' } });
      expect(error?.message).toMatch(/The local model process stopped \((signal SIGABRT|exit code \d+)\) while (loading|running) .*f16-norms\.gguf: the file may be corrupt or not supported/);
      expect((await localState())?.error).toMatch(/stopped/);
    } finally {
      ai.settings['ai.local.modelPath'] = modelFile;
    }
    const { chunks, error } = await chat({ action: { kind: 'send', text: 'still here?' }, maxOutputTokens: 4 });
    expect(error).toBeUndefined();
    expect(textOf(chunks).length + chunks.filter((chunk) => chunk.kind === 'done').length).toBeGreaterThan(0);
    expect(await localState()).toMatchObject({ state: 'loaded' });
  });
});
