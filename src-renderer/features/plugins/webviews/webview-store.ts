import { create } from 'zustand';

export interface WebviewPanel {
  id: string;
  plugin: string;
  title: string;
  html: string;
  onMessage(message: unknown): void;
  onClose(): void;
}

interface WebviewState {
  panels: WebviewPanel[];
  /** The panel in front. */
  active: string | null;
}

export const useWebviewStore = create<WebviewState>()(() => ({ panels: [], active: null }));

/** Each open panel's frame window, registered by the frame once its page is ready. */
const frames = new Map<string, Window>();
/** Messages for a page not ready yet, handed over in order once it is. */
const pending = new Map<string, unknown[]>();

export function openWebview(panel: WebviewPanel): void {
  useWebviewStore.setState((state) => ({ panels: [...state.panels.filter((other) => other.id !== panel.id), panel], active: panel.id }));
}

export function updateWebview(id: string, changes: Partial<Pick<WebviewPanel, 'title' | 'html'>>): void {
  useWebviewStore.setState((state) => ({ panels: state.panels.map((panel) => (panel.id === id ? { ...panel, ...changes } : panel)) }));
}

/** Closes a panel; `notify` tells its plugin (the user closed it), which a plugin's own dispose does not need. */
export function closeWebview(id: string, { notify }: { notify: boolean }): void {
  const panel = useWebviewStore.getState().panels.find((candidate) => candidate.id === id);
  if (!panel) return;
  frames.delete(id);
  pending.delete(id);
  useWebviewStore.setState((state) => {
    const panels = state.panels.filter((candidate) => candidate.id !== id);
    return { panels, active: state.active === id ? (panels.at(-1)?.id ?? null) : state.active };
  });
  if (notify) panel.onClose();
}

export function registerWebviewFrame(id: string, frame: Window | null): void {
  if (!frame) {
    frames.delete(id);
    return;
  }
  frames.set(id, frame);
  for (const message of pending.get(id) ?? []) frame.postMessage(message, '*');
  pending.delete(id);
}

/** Hands a message to the panel's page (once it is ready); false when the panel is gone. */
export function postToWebview(id: string, message: unknown): boolean {
  if (!useWebviewStore.getState().panels.some((panel) => panel.id === id)) return false;
  const frame = frames.get(id);
  if (frame) frame.postMessage(message, '*');
  else pending.set(id, [...(pending.get(id) ?? []), message]);
  return true;
}
