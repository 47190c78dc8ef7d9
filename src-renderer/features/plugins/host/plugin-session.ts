import type { Disposable, PluginInfo } from '../../../../src-shared/contract';
import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { openPluginFrame, type PluginFrame } from './plugin-frame';
import { servePluginPort, type PluginRuntime } from './port-rpc';
import { pluginWorkerScript } from './worker-script';

/**
 * One run of one plugin: its frame and worker, the birpc connection over its port, its heartbeat,
 * and everything the workbench holds for it (registrations, items, views), released on close.
 * Every call arriving on the port is this plugin's: the id is the session's, never the message's.
 */
export class PluginSession {
  lastBeat = Date.now();
  private closed = false;
  private readonly resources: Disposable[] = [];
  private runtimeConnection: PluginRuntime | undefined;
  private frame: PluginFrame | undefined;

  private constructor(readonly info: PluginInfo & { manifest: NonNullable<PluginInfo['manifest']> }) {}

  get pluginId(): string {
    return this.info.id;
  }

  get runtime(): PluginRuntime {
    if (!this.runtimeConnection) throw new Error(`The plugin ${this.pluginId} is not connected`);
    return this.runtimeConnection;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Starts the plugin's sandbox; `functions(session)` serves its calls, `onError` hears a worker that failed outside the runtime. */
  static async open(
    info: PluginSession['info'],
    code: string,
    options: { functions(session: PluginSession): WorkbenchFunctions; onError(message: string): void },
  ): Promise<PluginSession> {
    const session = new PluginSession(info);
    const frame = await openPluginFrame({ pluginId: info.id, script: pluginWorkerScript(code), onError: options.onError });
    session.frame = frame;
    session.runtimeConnection = servePluginPort(frame.port, options.functions(session));
    return session;
  }

  /** Whether the session's frame still answers: false when the plugin host process died. */
  frameAlive(timeoutMs: number): Promise<boolean> {
    return this.frame ? this.frame.isAlive(timeoutMs) : Promise.resolve(false);
  }

  beat(): void {
    this.lastBeat = Date.now();
  }

  /** Released when the session closes; released at once when it already has. */
  track(resource: Disposable): void {
    if (this.closed) resource.dispose();
    else this.resources.push(resource);
  }

  /** Stops the worker at once and releases what the plugin held, last first; calls still waiting fail with `why`. */
  close(why?: string): void {
    if (this.closed) return;
    this.closed = true;
    this.runtimeConnection?.$close(why === undefined ? undefined : new Error(why));
    this.frame?.dispose();
    for (const resource of this.resources.splice(0).reverse()) {
      try {
        resource.dispose();
      } catch (error) {
        console.warn(`Releasing a resource of the plugin ${this.pluginId} failed`, error);
      }
    }
  }
}
