/** Where paused jobs wait for the user: `resume` lets one go on, retrying its failed step or not. */
export class PauseGate {
  private readonly waiting = new Map<string, (retry: boolean) => void>();

  wait(jobKey: string, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (retry: boolean): void => {
        this.waiting.delete(jobKey);
        signal.removeEventListener('abort', onAbort);
        resolve(retry);
      };
      const onAbort = (): void => done(false);
      if (signal.aborted) return resolve(false);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(jobKey, done);
    });
  }

  /** False when the job is not paused. */
  resume(jobKey: string, retry: boolean): boolean {
    const waiter = this.waiting.get(jobKey);
    waiter?.(retry);
    return waiter !== undefined;
  }

  /** Lets every paused job go on without retrying (the run is being cancelled). */
  releaseAll(): void {
    for (const waiter of [...this.waiting.values()]) waiter(false);
  }
}
