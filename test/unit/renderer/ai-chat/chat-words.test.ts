import { describe, expect, it } from 'vitest';
import { extensionForLanguage, languageForFence } from '../../../../src-renderer/features/ai-chat/code-language';
import { fallbackSummary, failureDetails } from '../../../../src-renderer/features/ai-chat/failure-words';
import { compactCount, timeAgo, usd } from '../../../../src-renderer/features/ai-chat/format';
import { snippetPieces } from '../../../../src-renderer/features/ai-chat/thread-search';

const labels: Record<string, string> = { openai: 'OpenAI', local: 'Local model', fake: 'Test Server' };
const label = (id: string) => labels[id] ?? id;

describe('what the chat says about providers', () => {
  it('sums up fallbacks in one line with who answered in the end', () => {
    const fallbacks = [
      { from: { provider: 'openai', model: 'gpt-4o' }, reason: { code: 'rate-limited' as const, message: 'OpenAI answered 429' } },
      { from: { provider: 'fake', model: 'm' }, reason: { code: 'connection' as const, message: 'Could not reach' } },
    ];
    expect(fallbackSummary(fallbacks, { provider: 'local', model: 'tiny.gguf' }, label)).toBe('OpenAI failed (rate limited), Test Server failed (unreachable), answered by Local model');
    expect(fallbackSummary(fallbacks.slice(0, 1), null, label)).toBe('OpenAI failed (rate limited)');
  });

  it("reads each provider's failure from a failed request's details, and nothing from other errors", () => {
    const error = {
      code: 'UNAVAILABLE' as const,
      message: 'No AI provider could answer.',
      details: { failures: [{ provider: 'fake', model: 'm', reason: { code: 'timeout', message: 'slow' } }], messageId: 'abc' },
    };
    expect(failureDetails(error)).toEqual({ failures: [{ provider: 'fake', model: 'm', reason: { code: 'timeout', message: 'slow' } }], messageId: 'abc' });
    expect(failureDetails({ code: 'INTERNAL', message: 'x', details: 'ref 12' })).toEqual({ failures: [], messageId: undefined });
  });
});

describe('code fence languages', () => {
  const languages = [
    { id: 'typescript', aliases: ['TypeScript', 'ts'], extensions: ['.ts', '.tsx'] },
    { id: 'rust', aliases: ['Rust'], extensions: ['.rs'] },
    { id: 'shell', aliases: ['Shell', 'sh'], extensions: ['.sh', '.bash'] },
    { id: 'python', extensions: ['.py'] },
  ];

  it("map a fence's tag to Monaco's language by id, alias or extension", () => {
    expect(languageForFence('rust', languages)).toBe('rust');
    expect(languageForFence('TS', languages)).toBe('typescript');
    expect(languageForFence('bash', languages)).toBe('shell');
    expect(languageForFence('{.py}', languages)).toBe('python');
    expect(languageForFence('', languages)).toBeUndefined();
    expect(languageForFence('brainfuck', languages)).toBeUndefined();
  });

  it('give a new file its usual extension', () => {
    expect(extensionForLanguage('rust', languages)).toBe('rs');
    expect(extensionForLanguage(undefined, languages)).toBe('txt');
  });
});

describe('numbers and snippets', () => {
  it('formats counts, costs and times compactly', () => {
    expect([950, 1234, 12_500, 128_000, 1_500_000].map(compactCount)).toEqual(['950', '1.2k', '13k', '128k', '1.5M']);
    expect([0, 0.00042, 1.5].map(usd)).toEqual(['$0', '$0.0004', '$1.50']);
    expect(timeAgo(0, 30_000)).toBe('just now');
    expect(timeAgo(0, 5 * 60_000)).toBe('5 min ago');
    expect(timeAgo(0, 30 * 3_600_000)).toBe('yesterday');
  });

  it('cuts a search snippet at its highlights', () => {
    expect(snippetPieces('a cargo build failed', [[2, 7], [14, 20]])).toEqual([
      { text: 'a ', match: false },
      { text: 'cargo', match: true },
      { text: ' build ', match: false },
      { text: 'failed', match: true },
    ]);
  });
});
