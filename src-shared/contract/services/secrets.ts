import { z } from 'zod';
import { method } from '../define';

export const secretKeySchema = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'letters, digits, dot, dash or underscore');

/** The renderer may store and remove secrets, and learn whether one is set: never read one back. */
export const secretsService = {
  isSet: method(z.object({ key: secretKeySchema }), z.boolean()),
  set: method(z.object({ key: secretKeySchema, value: z.string().min(1).max(64 * 1024) }), z.void()),
  delete: method(z.object({ key: secretKeySchema }), z.void()),
} as const;
