import { aiCompatiblePresets, type SettingKey, type SettingsValues } from '../../../src-shared/contract';
import type { AiProvider } from './provider';
import { AnthropicProvider } from './providers/anthropic';
import type { LocalProvider } from './providers/local';
import { OpenAiProvider, type OpenAiProviderConfig } from './providers/openai';
import type { SecretReader } from './providers/shared';

export type SettingsReader = <K extends SettingKey>(key: K) => SettingsValues[K];

/** Secret names of the built-in providers' keys (browser mode maps them to OPENAI_API_KEY and ANTHROPIC_API_KEY). */
export const keySecrets = { openai: 'openai.apiKey', anthropic: 'anthropic.apiKey' } as const;

/**
 * The providers the settings describe, in the order automatic routing tries them: OpenAI, Anthropic,
 * the OpenAI-compatible servers, the embedded model. A provider is rebuilt only when its settings change.
 */
export class ProviderRegistry {
  private readonly built = new Map<string, { key: string; provider: AiProvider }>();

  constructor(
    private readonly settings: SettingsReader,
    private readonly secrets: SecretReader,
    private readonly local: LocalProvider,
  ) {}

  all(): AiProvider[] {
    const openai: OpenAiProviderConfig = {
      id: 'openai',
      kind: 'openai',
      label: 'OpenAI',
      baseUrl: this.settings('ai.openai.baseUrl'),
      keySecret: keySecrets.openai,
      keyRequired: true,
      nativeInfill: false,
    };
    const providers = [
      this.reuse('openai', openai, () => new OpenAiProvider(openai, this.secrets)),
      this.reuse('anthropic', this.settings('ai.anthropic.baseUrl'), (baseUrl) => new AnthropicProvider({ baseUrl, keySecret: keySecrets.anthropic }, this.secrets)),
    ];
    for (const server of this.settings('ai.compatible.servers')) {
      const preset = aiCompatiblePresets[server.preset];
      const config: OpenAiProviderConfig = {
        id: server.id,
        kind: 'openai-compatible',
        label: server.label ?? preset.label,
        baseUrl: server.baseUrl ?? preset.baseUrl ?? '',
        keySecret: `compatible.${server.id}.apiKey`,
        keyRequired: false,
        contextWindow: server.contextWindow,
        nativeInfill: server.preset === 'ollama',
      };
      providers.push(this.reuse(server.id, config, () => new OpenAiProvider(config, this.secrets)));
    }
    const ids = new Set(providers.map((provider) => provider.id));
    for (const [id, entry] of this.built) {
      if (!ids.has(id)) {
        this.built.delete(id);
        void entry.provider.dispose();
      }
    }
    return [...providers, this.local];
  }

  get(id: string): AiProvider | undefined {
    return this.all().find((provider) => provider.id === id);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.built.values()].map((entry) => entry.provider.dispose()));
    this.built.clear();
  }

  private reuse<C>(id: string, config: C, build: (config: C) => AiProvider): AiProvider {
    const key = JSON.stringify(config);
    const existing = this.built.get(id);
    if (existing?.key === key) return existing.provider;
    if (existing) void existing.provider.dispose();
    const provider = build(config);
    this.built.set(id, { key, provider });
    return provider;
  }
}
