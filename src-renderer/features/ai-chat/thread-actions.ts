import { host } from '../../platform/host';
import { notify } from '../notifications';
import { askText } from './ask-text';
import { editMessage, regenerate, stopResponse } from './chat-request';
import { allowSensitiveFiles } from './sensitive-files';
import { useChatStore } from './store';
import { reloadActiveThread, rememberActiveThread, upsertThread } from './thread-loading';

/** Moves the focus to the composer (the view does it when it renders). */
export function focusComposer(): void {
  useChatStore.setState((state) => ({ focusRequest: state.focusRequest + 1 }));
}

/** Opens a thread; a running answer is stopped first (it is kept, marked stopped). */
export async function openThread(id: string, revealMessageId?: string): Promise<void> {
  stopResponse();
  useChatStore.setState({
    activeThreadId: id,
    messages: [],
    live: null,
    failure: null,
    sensitivePrompt: null,
    view: 'conversation',
    revealMessageId: revealMessageId ?? null,
  });
  rememberActiveThread(id);
  await reloadActiveThread();
}

/** An empty conversation; the host creates its thread with the first message, titled from it. */
export function newChat(): void {
  stopResponse();
  useChatStore.setState({ activeThreadId: null, messages: [], live: null, failure: null, sensitivePrompt: null, view: 'conversation', revealMessageId: null });
  rememberActiveThread(null);
  focusComposer();
}

export async function renameThread(id: string, title: string): Promise<void> {
  upsertThread(await host().ai.renameThread({ id, title }));
}

/** Renames the open chat after asking for its new name. */
export async function renameActiveThread(): Promise<void> {
  const { activeThreadId, threads } = useChatStore.getState();
  const thread = threads.find((candidate) => candidate.id === activeThreadId);
  if (!thread) {
    notify({ severity: 'info', message: 'Open a chat to rename it.' });
    return;
  }
  const title = await askText({ placeholder: 'Name of this chat', value: thread.title, describe: (value) => `Rename to "${value}"` });
  if (title) await renameThread(thread.id, title);
}

export async function deleteActiveThread(): Promise<void> {
  const { activeThreadId } = useChatStore.getState();
  if (activeThreadId) await deleteThread(activeThreadId);
  else notify({ severity: 'info', message: 'Open a chat to delete it.' });
}

export async function deleteThread(id: string): Promise<void> {
  await host().ai.deleteThread({ id });
  useChatStore.setState((state) => ({ threads: state.threads.filter((thread) => thread.id !== id) }));
  if (useChatStore.getState().activeThreadId === id) newChat();
}

/** The user allowed the held-back files: the question is sent again with them. */
export function attachSensitiveFiles(): void {
  const prompt = useChatStore.getState().sensitivePrompt;
  if (!prompt) return;
  editMessage(prompt.messageId, prompt.text, allowSensitiveFiles(prompt.attachments, prompt.paths));
}

/** The user declined: the question is answered without the held-back files. */
export function answerWithoutSensitiveFiles(): void {
  if (!useChatStore.getState().sensitivePrompt) return;
  regenerate();
}
