import type { Workbench } from './connection';
import type { LogLevel } from './protocol';

/** How much of one message is sent: a plugin logging a huge value fills its channel, not the workbench's memory. */
const maxMessageLength = 64 * 1024;

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `console.*` in the worker goes to the plugin's Output channel (and still to the browser's console). */
export function forwardConsole(workbench: Workbench): void {
  const levels: Record<string, LogLevel> = { debug: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' };
  for (const [method, level] of Object.entries(levels)) {
    const original = (console as unknown as Record<string, (...args: unknown[]) => void>)[method]?.bind(console);
    (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (...args: unknown[]) => {
      original?.(...args);
      void workbench.log(level, args.map(describe).join(' ').slice(0, maxMessageLength));
    };
  }
}
