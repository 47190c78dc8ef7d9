import { aiModelRefSchema, type AiFailure, type AiLocalModelState, type AiModelInfo, type AiModelRef, type AiProviderStatus, type Disposable } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import type { ProviderLabel } from './failure-words';
import { useChatStore, type ModelCatalog } from './store';

const modelChoiceKey = 'aiChat.model';

export async function refreshProviders(): Promise<void> {
  useChatStore.setState({ providers: await host().ai.providers() });
}

export async function refreshModels(): Promise<void> {
  useChatStore.setState({ catalog: await host().ai.models() });
}

/** Circuit, health and local model changes arrive as events. */
export function followProviders(): Disposable {
  return host().ai.onDidChangeProviders(({ providers }) => useChatStore.setState({ providers }));
}

/** The provider's label ("Local model", "Ollama"), or its id while the list is not loaded. */
export function providerLabelFrom(providers: readonly AiProviderStatus[]): ProviderLabel {
  return (id) => providers.find((provider) => provider.id === id)?.label ?? id;
}

/** The model picker's choice, kept in the profile. */
export function pickModel(model: AiModelRef | null): void {
  useChatStore.setState({ model });
  void host()
    .state.set({ key: modelChoiceKey, value: model })
    .catch(() => undefined);
}

export async function restoreModelChoice(): Promise<void> {
  const saved = await host()
    .state.get({ key: modelChoiceKey })
    .catch(() => null);
  const parsed = aiModelRefSchema.safeParse(saved);
  if (parsed.success) useChatStore.setState({ model: parsed.data });
}

/** One provider's part of the model picker. */
export interface ModelGroup {
  providerId: string;
  label: string;
  models: AiModelInfo[];
  /** Why the provider could not list its models. */
  failure: AiFailure | undefined;
  local: AiLocalModelState | undefined;
}

/** The models grouped by provider, in the providers' order (the order automatic routing tries them). */
export function groupModels(catalog: ModelCatalog, providers: readonly AiProviderStatus[]): ModelGroup[] {
  const ids = [...new Set([...providers.map((provider) => provider.id), ...catalog.models.map((model) => model.provider), ...catalog.failures.map((failure) => failure.provider)])];
  const label = providerLabelFrom(providers);
  return ids.flatMap((id) => {
    const models = catalog.models.filter((model) => model.provider === id && model.features.includes('chat'));
    const failure = catalog.failures.find((entry) => entry.provider === id)?.reason;
    if (models.length === 0 && !failure) return [];
    return [{ providerId: id, label: label(id), models, failure, local: providers.find((provider) => provider.id === id)?.local }];
  });
}

export function sameModel(a: AiModelRef | null, b: AiModelRef | null): boolean {
  return a?.provider === b?.provider && a?.model === b?.model;
}
