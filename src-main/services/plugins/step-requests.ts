import { randomUUID } from 'node:crypto';
import { LatheError, pluginStepSchema, type PluginStep, type PluginStepAnswer, type PluginStepRequest } from '../../../src-shared/contract';

/** A workbench connection serving plugin steps: what it has yet to read, and how to wake its stream. */
interface Responder {
  readonly connectionId: string;
  readonly queue: PluginStepRequest[];
  wake(): void;
}

interface PendingStep {
  readonly plugin: string;
  readonly responder: Responder;
  log(line: string): void;
  settle(result: { outputs: Record<string, string> } | Error): void;
}

/**
 * Pipeline steps that plugins run. Plugin code runs in the workbench, so main sends each request
 * down the `stepRequests` stream of one workbench connection and waits for that connection to
 * answer; an answer from elsewhere, for another plugin, or for no pending request is refused.
 */
export class PluginStepRequests {
  private readonly responders: Responder[] = [];
  private readonly pending = new Map<string, PendingStep>();

  /** The requests for one connection, until it closes the stream; its unanswered steps then fail. */
  async *serve(connectionId: string, signal: AbortSignal): AsyncIterable<PluginStepRequest> {
    const responder: Responder = { connectionId, queue: [], wake: () => undefined };
    const wakeOnAbort = (): void => responder.wake();
    signal.addEventListener('abort', wakeOnAbort, { once: true });
    this.responders.push(responder);
    try {
      while (!signal.aborted) {
        const next = responder.queue.shift();
        if (next) yield next;
        else await new Promise<void>((resolve) => (responder.wake = resolve));
      }
    } finally {
      signal.removeEventListener('abort', wakeOnAbort);
      this.responders.splice(this.responders.indexOf(responder), 1);
      for (const [requestId, step] of this.pending) {
        if (step.responder !== responder) continue;
        this.pending.delete(requestId);
        step.settle(new Error('The workbench running the plugin closed before the step ended'));
      }
    }
  }

  /** Asks the latest workbench to run the step; rejects at once when none is open. */
  run(plugin: string, stepKind: string, step: PluginStep, log: (line: string) => void, signal: AbortSignal): Promise<{ outputs: Record<string, string> }> {
    const responder = this.responders.at(-1);
    if (!responder) return Promise.reject(new LatheError('UNAVAILABLE', 'No Lathe window is open to run the plugin: plugin steps run in the workbench'));
    // A request outside the stream's contract would end the stream, and with it every step of that window.
    const checked = pluginStepSchema.safeParse(step);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return Promise.reject(new LatheError('TOO_LARGE', `The step cannot be sent to the plugin: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim()));
    }
    const requestId = randomUUID();
    return new Promise((resolve, reject) => {
      const cancelled = (): void => {
        if (!this.pending.delete(requestId)) return;
        this.send(responder, { kind: 'cancel', requestId });
        reject(new Error('The step was stopped'));
      };
      this.pending.set(requestId, {
        plugin,
        responder,
        log,
        settle: (result) => {
          signal.removeEventListener('abort', cancelled);
          if (result instanceof Error) reject(result);
          else resolve(result);
        },
      });
      signal.addEventListener('abort', cancelled, { once: true });
      if (signal.aborted) cancelled();
      else this.send(responder, { kind: 'run', requestId, plugin, stepKind, step });
    });
  }

  log(connectionId: string, plugin: string, requestId: string, line: string): void {
    this.find(connectionId, plugin, requestId).log(line);
  }

  complete(connectionId: string, answer: PluginStepAnswer): void {
    const step = this.find(connectionId, answer.plugin, answer.requestId);
    this.pending.delete(answer.requestId);
    step.settle(answer.ok ? { outputs: answer.outputs ?? {} } : new Error(answer.error ?? 'The plugin failed the step'));
  }

  private find(connectionId: string, plugin: string, requestId: string): PendingStep {
    const step = this.pending.get(requestId);
    if (!step || step.plugin !== plugin || step.responder.connectionId !== connectionId) {
      throw new LatheError('NOT_FOUND', `No step ${requestId.slice(0, 100)} of ${plugin} is waiting for this window's answer`);
    }
    return step;
  }

  private send(responder: Responder, request: PluginStepRequest): void {
    responder.queue.push(request);
    responder.wake();
  }
}
