import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBirpc } from 'birpc';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, isLatheError, listMembers } from '../../../src-shared/contract';
import { channelPair } from '../helpers/channel-pair';
import { startTestHost, type TestHost } from '../helpers/test-host';

interface Wire {
  call(name: string, input?: unknown): Promise<unknown>;
  open(id: string, name: string, input?: unknown): Promise<void>;
  cancel(id: string): void;
}

let testHost: TestHost;
let wire: Wire;

beforeAll(async () => {
  testHost = await startTestHost();
  const pair = channelPair();
  testHost.host.router.connect(pair.host, 'fuzz');
  wire = createBirpc<Wire>({ chunk: () => undefined, end: () => undefined }, { ...pair.client, eventNames: ['cancel'], timeout: 10_000 });
});

afterAll(async () => {
  await testHost.host.dispose();
});

const hostileStrings = fc.constantFrom('', '..', '../../etc/passwd', '/etc/passwd', 'C:\\x', 'a\0b', '__proto__', 'constructor', 'x'.repeat(5000), '😀', '\u202e');

/** Payloads near the schema's shape (its own keys with wrong or hostile values) and payloads of any shape. */
function payloads(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
  const value = fc.oneof(fc.anything(), hostileStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const nearShape = keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys, '__proto__', 'extra'), value) : fc.constant(undefined);
  return fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true }), nearShape, hostileStrings, fc.constant(undefined));
}

describe('every contract member survives malformed payloads', () => {
  const members = listMembers(contract);
  let streamCounter = 0;

  it.each(members.map((member) => [member.wireName, member]))('%s', async (_name, member) => {
    const schema = member.spec.kind === 'event' ? z.undefined() : member.spec.input;
    await fc.assert(
      fc.asyncProperty(payloads(schema), async (payload) => {
        const valid = schema.safeParse(payload).success;
        try {
          if (member.spec.kind === 'method') {
            await wire.call(member.wireName, payload);
          } else {
            const id = `fuzz-${++streamCounter}`;
            await wire.open(id, member.wireName, payload);
            void wire.cancel(id);
          }
        } catch (error) {
          expect(isLatheError(error), JSON.stringify(error)).toBe(true);
          if (!valid) expect((error as { code: string }).code).toBe('INVALID_INPUT');
          else expect((error as { code: string }).code).not.toBe('INTERNAL');
          return;
        }
        expect(valid).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the host serving and writes nothing outside the workspace and profile', async () => {
    await expect(wire.call('app.info')).resolves.toMatchObject({ name: 'Lathe' });
    const scratch = join(testHost.workspaceRoot, '..');
    expect(readdirSync(scratch).sort()).toEqual(['profile', 'workspace']);
  });
});
