import { gateway, report, type RuntimeContext } from './context';
import { Disposable, EventEmitter } from './events';

interface OpenTerminal {
  data: EventEmitter<string>;
  closed: EventEmitter<void>;
}

/** `lathe.terminals`: terminals main creates for this plugin, their output relayed by the workbench. */
export function createTerminals(context: RuntimeContext) {
  const open = new Map<string, OpenTerminal>();

  const api = {
    async create(options: { name?: string; cwd?: string } = {}) {
      const name = options.name === undefined ? context.pluginId : String(options.name);
      const { terminalId } = await gateway<{ terminalId: string }>(context, 'terminal.create', { name, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
      let watching = false;
      const terminal: OpenTerminal = {
        data: new EventEmitter<string>({
          onFirstListener: () => {
            if (watching) return;
            watching = true;
            report(context.workbench.watchTerminal(terminalId));
          },
          onLastListener: () => undefined,
        }),
        closed: new EventEmitter<void>(),
      };
      open.set(terminalId, terminal);
      const disposable = new Disposable(() => {
        if (!open.has(terminalId)) return;
        report(gateway(context, 'terminal.dispose', { terminalId }));
      });
      return Object.freeze({
        id: terminalId,
        name,
        sendText: (text: string, addNewLine = true): Promise<void> => gateway(context, 'terminal.sendText', { terminalId, text: String(text), addNewLine: addNewLine !== false }),
        readOutput: async (): Promise<string> => (await gateway<{ text: string }>(context, 'terminal.readOutput', { terminalId })).text,
        onDidWriteData: terminal.data.event,
        onDidClose: terminal.closed.event,
        dispose: () => disposable.dispose(),
      });
    },
  };

  return {
    api,
    data(terminalId: string, data: string): void {
      open.get(terminalId)?.data.fire(data);
    },
    closed(terminalId: string): void {
      const terminal = open.get(terminalId);
      if (!terminal) return;
      open.delete(terminalId);
      terminal.closed.fire();
      terminal.data.dispose();
      terminal.closed.dispose();
    },
  };
}
