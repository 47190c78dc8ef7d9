import type { Disposable } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { updateUserSetting } from '../settings';
import { useChatStore, type ModelDownload } from './store';

let active: Disposable | undefined;

/**
 * Downloads a GGUF model into the profile (an earlier partial download of the same file continues);
 * progress reaches the view at most once per frame.
 */
export function startModelDownload(url: string, sha256: string): void {
  active?.dispose();
  let progress: ModelDownload = { url, status: 'running', receivedBytes: 0, totalBytes: null, resumed: false };
  let frame: number | undefined;
  const show = (): void => {
    frame = undefined;
    useChatStore.setState({ download: progress });
  };
  show();
  const stream = host().ai.downloadModel(
    { url, ...(sha256 ? { sha256 } : {}) },
    {
      next: (chunk) => {
        if (active !== stream) return;
        progress =
          chunk.kind === 'progress'
            ? { ...progress, receivedBytes: chunk.receivedBytes, totalBytes: chunk.totalBytes, resumed: chunk.resumed }
            : { ...progress, status: 'done', receivedBytes: chunk.sizeBytes, totalBytes: chunk.sizeBytes, path: chunk.path };
        if (chunk.kind === 'done') show();
        else frame ??= requestAnimationFrame(show);
      },
      error: (error) => {
        if (active !== stream) return;
        active = undefined;
        if (frame !== undefined) cancelAnimationFrame(frame);
        progress = { ...progress, status: 'failed', error: error.message };
        show();
      },
      complete: () => {
        if (active === stream) active = undefined;
      },
    },
  );
  active = stream;
}

/** Stops the download; the partial file stays, so starting it again continues where it stopped. */
export function cancelModelDownload(): void {
  active?.dispose();
  active = undefined;
  useChatStore.setState({ download: null });
}

export async function chooseLocalModel(path: string): Promise<void> {
  await updateUserSetting('ai.local.modelPath', path);
  useChatStore.setState({ download: null, catalog: null });
}
