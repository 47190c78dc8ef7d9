import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiGenerationChunkSchema } from '../../../../src-shared/contract';
import type { GitService } from '../../../../src-main/services/git';
import { FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { git, makeRepository, makeService, write } from '../git/git-fixtures';
import { collect, startAi, textOf, type AiHarness } from './harness';

let server: FakeAiServer;
let ai: AiHarness;
let repository: string;
let gitService: GitService;

beforeEach(async () => {
  server = await FakeAiServer.start();
  repository = makeRepository({ 'src/lib.rs': 'pub fn answer() -> u32 {\n    41\n}\n' });
  git(repository, 'commit', '-q', '--allow-empty', '-m', 'feat(core): add the answer');
  gitService = await makeService(repository, 'native');
  ai = await startAi(
    {
      'ai.compatible.servers': [{ id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1` }],
      'ai.routing.chat': [{ provider: 'ollama', model: 'writer' }],
    },
    { stagedChanges: (maxChars) => gitService.stagedChanges(maxChars) },
  );
});

afterEach(async () => {
  await ai.dispose();
  await gitService.dispose();
  await server.close();
});

const commitMessage = () => collect(ai.service.commitMessage({}, new AbortController().signal), (chunk) => aiGenerationChunkSchema.parse(chunk));

describe('commitMessage', () => {
  it('writes the message from the staged diff and the recent subjects, and streams it', async () => {
    write(repository, 'src/lib.rs', 'pub fn answer() -> u32 {\n    42\n}\n');
    git(repository, 'add', 'src/lib.rs');
    write(repository, 'notes.txt', 'not staged\n');
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['fix(core): ', 'return 42 from answer']) });
    const { chunks, error } = await commitMessage();
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('fix(core): return 42 from answer');
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', finishReason: 'stop', answeredBy: { provider: 'ollama', model: 'writer' } });

    const body = server.requestsTo('/v1/chat/completions')[0]?.body as { temperature: number; messages: { role: string; content: string }[] };
    expect(body.temperature).toBe(0.5);
    expect(body.messages[0]?.content).toMatch(/at most 72 characters/);
    const user = body.messages[1]?.content ?? '';
    expect(user).toContain('- feat(core): add the answer\n- first');
    expect(user).toContain('+++ b/src/lib.rs');
    expect(user).toContain('-    41\n+    42');
    expect(user).not.toContain('notes.txt');
  });

  it('cuts the staged diff at 60,000 characters, and further to fit a small window, saying so each time', async () => {
    write(repository, 'data.txt', `${'x'.repeat(99)}\n`.repeat(1000));
    git(repository, 'add', 'data.txt');
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['chore: add data']) });
    const sentDiff = (): string => {
      const user = (server.requestsTo('/v1/chat/completions')[0]?.body as { messages: { content: string }[] }).messages[1]?.content ?? '';
      return user.slice(user.indexOf(':\n\n') + 3, user.lastIndexOf('\n\nRecent commit subjects'));
    };

    ai.settings['ai.compatible.servers'] = [{ id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1`, contextWindow: 128_000 }];
    const wide = await commitMessage();
    expect(wide.chunks.filter((chunk) => chunk.kind === 'notice')).toEqual([
      { kind: 'notice', code: 'context-truncated', message: expect.stringMatching(/longer than 60000 characters/) },
    ]);
    expect(sentDiff()).toHaveLength(60_000);
    expect(sentDiff()).toMatch(/^diff --git a\/data.txt b\/data.txt\n/);

    ai.settings['ai.compatible.servers'] = [{ id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1`, contextWindow: 8192 }];
    const narrow = await commitMessage();
    expect(narrow.error).toBeUndefined();
    expect(narrow.chunks.filter((chunk) => chunk.kind === 'notice').map((chunk) => chunk.kind === 'notice' && chunk.message)).toEqual([
      expect.stringMatching(/longer than 60000 characters/),
      expect.stringMatching(/characters of the attached context were left out to fit writer's context window/),
    ]);
    expect(textOf(narrow.chunks)).toBe('chore: add data');
  });

  it('asks to stage changes first when nothing is staged', async () => {
    write(repository, 'src/lib.rs', 'changed but not staged\n');
    const { chunks, error } = await commitMessage();
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Stage changes first/) });
    expect(server.requests).toHaveLength(0);
  });
});
