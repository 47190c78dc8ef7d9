/**
 * Wraps an async task so runs never overlap: a call while it runs asks for one more run after it,
 * however many calls come in meanwhile (a save and the file change it causes scan once more, not
 * twice). The promise a call returns settles when a run that started after the call has finished.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const request = (): Promise<void> => {
    if (queued) return queued;
    if (!current) {
      current = task().finally(() => {
        current = undefined;
      });
      return current;
    }
    queued = current
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return request();
      });
    return queued;
  };
  return request;
}
