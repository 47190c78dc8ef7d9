import { showEditorPicker } from '../editor';
import { groupModels, pickModel, providerLabelFrom, refreshModels, refreshProviders, sameModel } from './model-catalog';
import { startAiChat } from './start-ai-chat';
import { useChatStore } from './store';

const autoId = 'auto';

/** "Chat: Select Model…": the model picker's choices in the picker at the top of the window. */
export async function pickModelFromList(): Promise<void> {
  startAiChat();
  await Promise.all([refreshModels(), refreshProviders()]);
  const { catalog, providers, model } = useChatStore.getState();
  const label = providerLabelFrom(providers);
  const models = catalog ? groupModels(catalog, providers).flatMap((group) => group.models) : [];
  const items = [
    { id: autoId, label: 'Auto', description: 'the chat route from settings' },
    ...models.map((info, index) => ({ id: String(index), label: info.label, description: label(info.provider) })),
  ];
  showEditorPicker({
    placeholder: 'Select the model that answers in the chat',
    items,
    activeId: model ? String(models.findIndex((info) => sameModel(model, info))) : autoId,
    onPick: (item) => {
      const picked = models[Number(item.id)];
      pickModel(item.id === autoId || !picked ? null : { provider: picked.provider, model: picked.model });
    },
  });
}
