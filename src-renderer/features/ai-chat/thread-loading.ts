import type { AiMessage, AiThread, Disposable } from '../../../src-shared/contract';
import { toLatheErrorData } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { hasAnswerToLastQuestion } from './live-answer';
import { useChatStore } from './store';

const activeThreadKey = 'aiChat.activeThread';

export async function refreshThreads(): Promise<void> {
  const threads = await host().ai.listThreads({ limit: 200 });
  useChatStore.setState({ threads });
}

/** Puts a thread first in the list (it was just written to), replacing its older copy. */
export function upsertThread(thread: AiThread): void {
  useChatStore.setState((state) => ({ threads: [thread, ...state.threads.filter((other) => other.id !== thread.id)] }));
}

/** Shows the active thread as the host keeps it. A thread deleted elsewhere leaves an empty chat. */
export async function reloadActiveThread(): Promise<void> {
  const id = useChatStore.getState().activeThreadId;
  if (!id) return;
  let messages: AiMessage[];
  try {
    ({ messages } = await host().ai.getThread({ id }));
  } catch (error) {
    if (toLatheErrorData(error).code === 'NOT_FOUND' && useChatStore.getState().activeThreadId === id) {
      useChatStore.setState({ activeThreadId: null, messages: [], live: null, failure: null, sensitivePrompt: null });
      rememberActiveThread(null);
    }
    return;
  }
  useChatStore.setState((state) => {
    if (state.activeThreadId !== id || state.busy) return state;
    const live = state.live;
    // A stopped answer stays on screen until the host returns the one it stored for it.
    if (live?.status !== 'stopped' || !hasAnswerToLastQuestion(messages)) return { messages };
    const stored = messages.at(-1) as AiMessage;
    return {
      messages,
      live: null,
      annotations: { ...state.annotations, [stored.id]: { events: live.events, cached: live.answering?.cached ?? false, failures: [] } },
    };
  });
}

/** The open folder reopens its last chat after a reload. */
export function rememberActiveThread(id: string | null): void {
  void host()
    .state.set({ key: activeThreadKey, scope: 'workspace', value: id })
    .catch(() => undefined);
}

export async function restoreActiveThread(): Promise<void> {
  const saved = await host()
    .state.get({ key: activeThreadKey, scope: 'workspace' })
    .catch(() => null);
  if (typeof saved !== 'string' || useChatStore.getState().activeThreadId !== null) return;
  useChatStore.setState({ activeThreadId: saved });
  await reloadActiveThread();
}

/** Keeps the list and the open thread in step with changes made by requests, other windows or the host. */
export function followThreads(): Disposable {
  return host().ai.onDidChangeThreads(({ threadIds }) => {
    void refreshThreads().catch(() => undefined);
    const { activeThreadId, busy } = useChatStore.getState();
    // While a request runs its own stream keeps the thread up to date.
    if (activeThreadId && !busy && threadIds.includes(activeThreadId)) void reloadActiveThread();
  });
}
