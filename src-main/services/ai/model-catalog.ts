import type { AiFeature, SettingsValues } from '../../../src-shared/contract';

interface KnownModel {
  /** A model id, or a prefix ending in `*` that covers its dated versions. */
  pattern: string;
  contextWindow: number;
  /** US dollars per million tokens (list prices when written; `ai.prices` overrides them). */
  inputPerMillion: number;
  outputPerMillion: number;
}

const knownModels: Record<'openai' | 'anthropic', KnownModel[]> = {
  openai: [
    { pattern: 'gpt-5-nano*', contextWindow: 400_000, inputPerMillion: 0.05, outputPerMillion: 0.4 },
    { pattern: 'gpt-5-mini*', contextWindow: 400_000, inputPerMillion: 0.25, outputPerMillion: 2 },
    { pattern: 'gpt-5', contextWindow: 400_000, inputPerMillion: 1.25, outputPerMillion: 10 },
    { pattern: 'gpt-5-20*', contextWindow: 400_000, inputPerMillion: 1.25, outputPerMillion: 10 },
    { pattern: 'gpt-4.1-nano*', contextWindow: 1_047_576, inputPerMillion: 0.1, outputPerMillion: 0.4 },
    { pattern: 'gpt-4.1-mini*', contextWindow: 1_047_576, inputPerMillion: 0.4, outputPerMillion: 1.6 },
    { pattern: 'gpt-4.1*', contextWindow: 1_047_576, inputPerMillion: 2, outputPerMillion: 8 },
    { pattern: 'gpt-4o-mini*', contextWindow: 128_000, inputPerMillion: 0.15, outputPerMillion: 0.6 },
    { pattern: 'gpt-4o*', contextWindow: 128_000, inputPerMillion: 2.5, outputPerMillion: 10 },
    { pattern: 'o4-mini*', contextWindow: 200_000, inputPerMillion: 1.1, outputPerMillion: 4.4 },
    { pattern: 'o3-mini*', contextWindow: 200_000, inputPerMillion: 1.1, outputPerMillion: 4.4 },
    { pattern: 'o3*', contextWindow: 200_000, inputPerMillion: 2, outputPerMillion: 8 },
    { pattern: 'text-embedding-3-small', contextWindow: 8191, inputPerMillion: 0.02, outputPerMillion: 0 },
    { pattern: 'text-embedding-3-large', contextWindow: 8191, inputPerMillion: 0.13, outputPerMillion: 0 },
  ],
  anthropic: [
    { pattern: 'claude-opus-4-5*', contextWindow: 200_000, inputPerMillion: 5, outputPerMillion: 25 },
    { pattern: 'claude-opus-4-1*', contextWindow: 200_000, inputPerMillion: 15, outputPerMillion: 75 },
    { pattern: 'claude-sonnet-4*', contextWindow: 200_000, inputPerMillion: 3, outputPerMillion: 15 },
    { pattern: 'claude-haiku-4*', contextWindow: 200_000, inputPerMillion: 1, outputPerMillion: 5 },
    { pattern: 'claude-3-7-sonnet*', contextWindow: 200_000, inputPerMillion: 3, outputPerMillion: 15 },
    { pattern: 'claude-3-5-sonnet*', contextWindow: 200_000, inputPerMillion: 3, outputPerMillion: 15 },
    { pattern: 'claude-3-5-haiku*', contextWindow: 200_000, inputPerMillion: 0.8, outputPerMillion: 4 },
  ],
};

/** The models a cloud provider uses when a route names none (newer ones are priced through `ai.prices`). */
export const cloudDefaultModels: Record<'openai' | 'anthropic', Partial<Record<AiFeature, string>>> = {
  openai: { chat: 'gpt-5-mini', edit: 'gpt-5-mini', completion: 'gpt-4.1-mini', embeddings: 'text-embedding-3-small' },
  anthropic: { chat: 'claude-sonnet-5-5', edit: 'claude-sonnet-5-5', completion: 'claude-haiku-5-5' },
};

/** OpenAI's reasoning models (o-series, GPT-5) refuse a sampling temperature; they are sent none. */
export function acceptsTemperature(model: string): boolean {
  return !/^(?:o\d|gpt-5)/.test(model);
}

/** When nothing is known about a model's window, assume a small one so history is trimmed early rather than refused. */
export const unknownContextWindow = 8192;

function matches(pattern: string, model: string): boolean {
  return pattern.endsWith('*') ? model.startsWith(pattern.slice(0, -1)) : model === pattern;
}

export function knownModel(provider: 'openai' | 'anthropic', model: string): KnownModel | undefined {
  return knownModels[provider].find((known) => matches(known.pattern, model));
}

export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** The price of a model: the settings' table first, then the built-in one; undefined when unknown. */
export function priceOf(provider: string, model: string, overrides: SettingsValues['ai.prices']): Price | undefined {
  const override = overrides.find((entry) => entry.provider === provider && matches(entry.model, model));
  if (override) return override;
  return provider === 'openai' || provider === 'anthropic' ? knownModel(provider, model) : undefined;
}

export function costUsd(price: Price | undefined, inputTokens: number, outputTokens: number): number | null {
  if (!price) return null;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
