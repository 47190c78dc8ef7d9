import type { AiAttachment, AiChatChunk, AiToolCall, Disposable, LatheErrorData } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { failureDetails } from './failure-words';
import { applyChunk, waitingAnswer, type LiveAnswer } from './live-answer';
import { refusedSensitiveFiles } from './sensitive-files';
import { useChatStore, type ChatAction, type RequestFailure } from './store';
import { applyStart, optimisticMessages } from './thread-messages';
import { reloadActiveThread, rememberActiveThread, upsertThread } from './thread-loading';
import { answerToolCalls, offeredTools } from './tool-calls';

interface RunningRequest {
  id: number;
  stream: Disposable;
  /** The answer so far; handed to the view at most once per frame. */
  answer: LiveAnswer;
  frame: number | undefined;
  /** Set once the host has stored the question (the `start` chunk). */
  threadId: string | undefined;
  started: boolean;
}

let running: RunningRequest | undefined;
/** Set while the tool calls of the last answer run; aborting it stops them. */
let runningTools: AbortController | undefined;
let lastId = 0;

export function sendMessage(text: string, attachments: AiAttachment[]): void {
  runChat({ kind: 'send', text, attachments });
}

/** Answers the thread's last question again, replacing the answer after it. */
export function regenerate(): void {
  runChat({ kind: 'regenerate' });
}

/** Replaces a question (and everything after it) and answers it again. */
export function editMessage(messageId: string, text: string, attachments: AiAttachment[]): void {
  runChat({ kind: 'edit', messageId, text, attachments });
}

export function retryFailure(failure: RequestFailure): void {
  runChat(failure.retry.action, failure.retry.threadId);
}

/** Stops the answer: the host keeps what arrived as a stopped answer, and it stays on screen as such. */
export function stopResponse(): void {
  if (runningTools) {
    // The calls end with error texts that are not sent: the thread waits for the user's next message.
    runningTools.abort();
    runningTools = undefined;
    useChatStore.setState({ busy: false });
    return;
  }
  const request = running;
  if (!request) return;
  running = undefined;
  request.stream.dispose();
  if (request.frame !== undefined) cancelAnimationFrame(request.frame);
  useChatStore.setState({ busy: false, live: { ...request.answer, status: 'stopped' } });
}

function runChat(action: ChatAction, threadId = useChatStore.getState().activeThreadId ?? undefined): void {
  if (running) return;
  const { model, messages } = useChatStore.getState();
  const request: RunningRequest = { id: ++lastId, stream: { dispose: () => undefined }, answer: waitingAnswer, frame: undefined, threadId, started: false };
  running = request;
  useChatStore.setState({
    busy: true,
    live: waitingAnswer,
    failure: null,
    sensitivePrompt: null,
    view: 'conversation',
    messages: optimisticMessages(messages, action, Date.now()),
  });
  const attachments = action.kind === 'send' || action.kind === 'edit' ? (action.attachments ?? []) : [];
  request.stream = host().ai.chat(
    { action, ...(threadId ? { threadId } : {}), ...(model ? { model } : {}), tools: offeredTools() },
    {
      next: (chunk) => {
        if (running === request) receive(request, chunk, attachments);
      },
      error: (error) => {
        if (running !== request) return;
        running = undefined;
        fail(request, action, error);
      },
      complete: () => {
        if (running !== request) return;
        // The stream ended without an answer (a cancel elsewhere): show what the host kept.
        running = undefined;
        useChatStore.setState({ busy: false, live: null });
        void reloadActiveThread();
      },
    },
  );
}

function receive(request: RunningRequest, chunk: AiChatChunk, attachments: AiAttachment[]): void {
  switch (chunk.kind) {
    case 'start':
      start(request, chunk, attachments);
      return;
    case 'done': {
      running = undefined;
      if (request.frame !== undefined) cancelAnimationFrame(request.frame);
      const { events } = request.answer;
      const calls = chunk.finishReason === 'tool-calls' ? (chunk.message.toolCalls ?? []) : [];
      useChatStore.setState((state) => ({
        busy: calls.length > 0,
        live: null,
        messages: [...state.messages.filter((message) => message.id !== chunk.message.id), chunk.message],
        annotations: { ...state.annotations, [chunk.message.id]: { events, cached: chunk.cached, failures: [] } },
      }));
      if (calls.length > 0) continueAfterTools(chunk.message.threadId, calls);
      return;
    }
    default:
      request.answer = applyChunk(request.answer, chunk);
      if (chunk.kind === 'text') {
        request.frame ??= requestAnimationFrame(() => publish(request));
      } else {
        publish(request);
      }
  }
}

/** Runs the answer's tool calls, then sends their results so the model continues. */
function continueAfterTools(threadId: string, calls: AiToolCall[]): void {
  const controller = new AbortController();
  runningTools = controller;
  void answerToolCalls(calls, controller.signal).then((results) => {
    if (runningTools !== controller) return;
    runningTools = undefined;
    runChat({ kind: 'toolResults', results }, threadId);
  });
}

function publish(request: RunningRequest): void {
  if (request.frame !== undefined) cancelAnimationFrame(request.frame);
  request.frame = undefined;
  if (running === request) useChatStore.setState({ live: request.answer });
}

function start(request: RunningRequest, chunk: Extract<AiChatChunk, { kind: 'start' }>, attachments: AiAttachment[]): void {
  const { thread, userMessage } = chunk;
  request.threadId = thread.id;
  request.started = true;
  upsertThread(thread);
  rememberActiveThread(thread.id);
  useChatStore.setState((state) => ({
    activeThreadId: thread.id,
    messages: applyStart(state.messages, chunk),
    rules: chunk.rules,
    meter: { state: 'counted', tokens: chunk.promptTokens, contextWindow: chunk.contextWindow, exact: false, source: 'sent', model: null },
    sentAttachments: userMessage ? { ...state.sentAttachments, [userMessage.id]: attachments } : state.sentAttachments,
  }));
  const refused = userMessage ? refusedSensitiveFiles(attachments, userMessage.attachments ?? []) : [];
  if (!userMessage || refused.length === 0) return;
  // Ask before the model answers without the file: stop now, then edit (allowing it) or answer again (without it).
  running = undefined;
  request.stream.dispose();
  useChatStore.setState({
    busy: false,
    live: null,
    sensitivePrompt: { threadId: thread.id, messageId: userMessage.id, text: userMessage.content, attachments, paths: refused },
  });
}

function fail(request: RunningRequest, action: ChatAction, error: LatheErrorData): void {
  if (request.frame !== undefined) cancelAnimationFrame(request.frame);
  const { failures, messageId } = failureDetails(error);
  if (messageId) {
    // The host kept the failed answer; the session adds what each provider said.
    useChatStore.setState((state) => ({
      busy: false,
      live: null,
      annotations: { ...state.annotations, [messageId]: { events: request.answer.events, cached: false, failures } },
    }));
    void reloadActiveThread();
    return;
  }
  // Once the question is stored, trying again means answering it again, not asking it twice.
  const retry = request.started ? { threadId: request.threadId, action: { kind: 'regenerate' } as const } : { threadId: request.threadId, action };
  useChatStore.setState({ busy: false, live: null, failure: { message: error.message, failures, retry } });
}
