import { describe, expect, it } from 'vitest';
import type { AiProviderStatus } from '../../../../src-shared/contract';
import { groupModels } from '../../../../src-renderer/features/ai-chat/model-catalog';

const status = (id: string, label: string, extra: Partial<AiProviderStatus> = {}): AiProviderStatus => ({
  id,
  kind: id === 'local' ? 'local' : 'openai-compatible',
  label,
  baseUrl: null,
  configured: true,
  keySet: null,
  keySecret: null,
  circuit: 'closed',
  health: { state: 'unknown', checkedAt: null, latencyMs: null },
  ...extra,
});

describe('the model picker', () => {
  it("groups chat models by provider in the providers' order, with the local model's state and why a provider listed none", () => {
    const local = { state: 'loaded' as const, modelPath: '/m/tiny.gguf', backend: 'cpu', threads: 1, contextSize: 2048 };
    const providers = [status('openai', 'OpenAI', { configured: false }), status('ollama', 'Ollama'), status('local', 'Local model', { local })];
    const groups = groupModels(
      {
        models: [
          { provider: 'local', model: 'tiny.gguf', label: 'tiny.gguf', features: ['chat', 'embeddings'], contextWindow: 2048 },
          { provider: 'ollama', model: 'nomic-embed', label: 'nomic-embed', features: ['embeddings'], contextWindow: null },
        ],
        failures: [{ provider: 'ollama', reason: { code: 'connection', message: 'Could not reach Ollama' } }],
      },
      providers,
    );
    expect(groups.map((group) => [group.label, group.models.map((model) => model.model), group.failure?.code, group.local?.state])).toEqual([
      ['Ollama', [], 'connection', undefined],
      ['Local model', ['tiny.gguf'], undefined, 'loaded'],
    ]);
  });
});
