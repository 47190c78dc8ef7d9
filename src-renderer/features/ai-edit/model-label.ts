import type { AiModelRef, AiProviderStatus } from '../../../src-shared/contract';
import { currentSetting } from '../../app/store';

/** "Test Server · fake-model": the provider by its label where it is known, and the model. */
export function modelLabel(providers: readonly AiProviderStatus[], model: AiModelRef): string {
  const provider = providers.find((candidate) => candidate.id === model.provider)?.label ?? model.provider;
  return model.model ? `${provider} · ${model.model}` : provider;
}

/** Who an edit request goes to first: the first model of `ai.routing.edit`, else the first provider that is set up. */
export function plannedModel(providers: readonly AiProviderStatus[]): string {
  const [first] = currentSetting('ai.routing.edit');
  if (first) return modelLabel(providers, first);
  const automatic = providers.find((provider) => provider.configured);
  return automatic ? `${automatic.label} (automatic)` : 'no AI provider is set up';
}
