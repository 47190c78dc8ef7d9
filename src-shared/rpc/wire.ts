import { z } from 'zod';
import type { LatheErrorData } from '../contract/errors';

/**
 * The functions each side exposes over birpc. Every contract member travels through these few,
 * so the host validates one small surface before any service runs.
 */
export interface HostWire {
  call(wireName: string, input?: unknown): Promise<unknown>;
  open(streamId: string, wireName: string, input?: unknown): Promise<void>;
  ack(streamId: string, count: number): void;
  cancel(streamId: string): void;
}

export interface ClientWire {
  chunk(streamId: string, value: unknown): void;
  end(streamId: string, error?: LatheErrorData): void;
}

export const hostWireEvents = ['ack', 'cancel'] as const satisfies (keyof HostWire)[];
export const clientWireEvents = ['chunk', 'end'] as const satisfies (keyof ClientWire)[];

/** The one Electron IPC channel the preload and main speak birpc on. */
export const electronRpcChannel = 'lathe:rpc';

/** How many chunks a stream may have in flight before the host waits for acknowledgements. */
export const streamWindow = 64;

/** birpc's message envelope; anything else arriving on a channel is dropped unread. */
export const envelopeSchema = z.union([
  z.object({
    t: z.literal('q'),
    i: z.string().max(64).optional(),
    m: z.string().max(64),
    a: z.array(z.unknown()).max(3),
    o: z.boolean().optional(),
  }),
  z.object({
    t: z.literal('s'),
    i: z.string().max(64),
    r: z.unknown().optional(),
    e: z.unknown().optional(),
  }),
]);

/** Parses a JSON text frame into a birpc envelope, or returns undefined for anything malformed. */
export function parseJsonEnvelope(text: string): z.infer<typeof envelopeSchema> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = envelopeSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
