import { create } from 'zustand';
import type { AiAttachment, AiChatInput, AiMessage, AiModelRef, AiProviderStatus, AiRuleFile, AiThread, LatheApi } from '../../../src-shared/contract';
import type { ContextChip } from './context-chips';
import type { ProviderFailure } from './failure-words';
import type { InlineEvent, LiveAnswer } from './live-answer';

export type ChatAction = AiChatInput['action'];
export type ModelCatalog = Awaited<ReturnType<LatheApi['ai']['models']>>;

/** What the session saw of an answer that the host does not keep: fallbacks, notices, per-provider failures. */
export interface Annotation {
  events: InlineEvent[];
  cached: boolean;
  failures: ProviderFailure[];
}

/** A request that failed before the host kept anything for it; Retry sends it again. */
export interface RequestFailure {
  message: string;
  failures: ProviderFailure[];
  retry: { threadId: string | undefined; action: ChatAction };
}

/** Files the host held back as possibly secret, waiting for the user to allow them or go on without. */
export interface SensitivePrompt {
  threadId: string;
  messageId: string;
  text: string;
  attachments: AiAttachment[];
  paths: string[];
}

/** A tool call of this session's answers: whose tool it is, and where it stands. */
export interface ToolRun {
  pluginName: string;
  toolName: string;
  /** `asking`: waiting for the user to allow or deny it. */
  state: 'asking' | 'running' | 'done' | 'denied' | 'failed';
  /** What the model was sent back: the result, or the error text. */
  result?: string;
}

export type TokenMeter =
  | {
      state: 'counted';
      tokens: number;
      contextWindow: number;
      /** False when the count is an estimate. */
      exact: boolean;
      /** `draft`: what sending the draft would take; `sent`: the last request as the host sent it. */
      source: 'draft' | 'sent';
      model: string | null;
    }
  | { state: 'unavailable'; message: string };

export interface ModelDownload {
  url: string;
  status: 'running' | 'done' | 'failed';
  receivedBytes: number;
  totalBytes: number | null;
  resumed: boolean;
  path?: string;
  error?: string;
}

interface ChatState {
  threads: AiThread[];
  activeThreadId: string | null;
  messages: AiMessage[];
  view: 'conversation' | 'history';
  /** A message to scroll to and mark once the thread shows (a search hit). */
  revealMessageId: string | null;
  /** The answer streaming now, or one the user stopped that the host has not returned yet. */
  live: LiveAnswer | null;
  /** A request is running (its answer may not have started). */
  busy: boolean;
  failure: RequestFailure | null;
  annotations: Record<string, Annotation>;
  /** The attachments each user message of this session was sent with, so Edit can send them again. */
  sentAttachments: Record<string, AiAttachment[]>;
  sensitivePrompt: SensitivePrompt | null;
  /** Plugin tool calls of this session, by call id. */
  toolRuns: Record<string, ToolRun>;

  draft: string;
  chips: ContextChip[];
  /** Whether the active editor's file (or selection) goes with the next message. */
  includeActiveEditor: boolean;
  /** The model picker's choice; null follows the chat route from settings. */
  model: AiModelRef | null;
  meter: TokenMeter | null;
  /** Rules files of the last request; null before the first one. */
  rules: AiRuleFile[] | null;
  /** Bumped to move the focus to the composer. */
  focusRequest: number;

  providers: AiProviderStatus[];
  catalog: ModelCatalog | null;
  dialog: 'providers' | 'usage' | null;
  /** The dialog opened for downloading a model: its URL field takes the focus. */
  focusModelDownload: boolean;
  download: ModelDownload | null;
}

/** The chat panel's state; the modules beside it change it through `setState`. */
export const useChatStore = create<ChatState>()(() => ({
  threads: [],
  activeThreadId: null,
  messages: [],
  view: 'conversation',
  revealMessageId: null,
  live: null,
  busy: false,
  failure: null,
  annotations: {},
  sentAttachments: {},
  sensitivePrompt: null,
  toolRuns: {},
  draft: '',
  chips: [],
  includeActiveEditor: true,
  model: null,
  meter: null,
  rules: null,
  focusRequest: 0,
  providers: [],
  catalog: null,
  dialog: null,
  focusModelDownload: false,
  download: null,
}));
