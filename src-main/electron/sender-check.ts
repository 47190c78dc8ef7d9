import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain the check reads; tests pass forged plain objects. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly detached?: boolean;
  readonly processId?: number;
  readonly routingId?: number;
}

/**
 * Whether an IPC message comes from the app itself: the sending frame still exists, is the top
 * frame of its web contents (not an iframe, not a fenced frame with its own tree) and shows a page
 * of the app's origin. Anything else is dropped before its payload is even parsed.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame || typeof frame !== 'object') return false;
  if (!isSameFrame(frame, mainFrame)) return false;
  if (frame.parent !== null) return false;
  if (frame.detached === true) return false;
  return typeof frame.url === 'string' && isAppUrl(frame.url);
}

/** Electron normally hands out one object per frame; process and routing ids identify it if not. */
function isSameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return (
    typeof a.processId === 'number' &&
    typeof a.routingId === 'number' &&
    a.processId === b.processId &&
    a.routingId === b.routingId
  );
}
