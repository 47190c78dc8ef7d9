import type { editor } from 'monaco-editor';
import type { Disposable } from '../../../src-shared/contract';

/** What other features hear about the buffers of open files (language servers keep theirs in step). */
export interface ModelListener {
  opened?(path: string, model: editor.ITextModel): void;
  /** Before the model is disposed. */
  closed?(path: string, model: editor.ITextModel): void;
  /** The file was renamed or moved; the buffer, its text and history, came along. */
  moved?(from: string, to: string, model: editor.ITextModel): void;
  saved?(path: string, model: editor.ITextModel): void;
}

/** Runs before a buffer is written, and may edit it (format on save); a failure does not stop the save. */
export type SaveParticipant = (path: string, model: editor.ITextModel) => Promise<void>;

const listeners = new Set<ModelListener>();
const participants = new Set<SaveParticipant>();

export function onModelLifecycle(listener: ModelListener): Disposable {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}

export function registerSaveParticipant(participant: SaveParticipant): Disposable {
  participants.add(participant);
  return { dispose: () => participants.delete(participant) };
}

export function fireModelEvent<K extends keyof ModelListener>(kind: K, ...args: Parameters<NonNullable<ModelListener[K]>>): void {
  for (const listener of [...listeners]) (listener[kind] as ((...values: typeof args) => void) | undefined)?.(...args);
}

export async function runSaveParticipants(path: string, model: editor.ITextModel): Promise<void> {
  for (const participant of [...participants]) {
    try {
      await participant(path, model);
    } catch (error) {
      console.warn(`A save participant failed for ${path}`, error);
    }
  }
}
