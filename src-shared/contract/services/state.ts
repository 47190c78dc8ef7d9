import { z } from 'zod';
import { method } from '../define';

export const stateKeySchema = z.string().regex(/^[A-Za-z0-9._:/-]{1,200}$/);

const jsonValueSchema: z.ZodType<unknown> = z.json();

/** Small pieces of UI state (layout, last open files) kept in the profile database. */
export const stateService = {
  get: method(z.object({ key: stateKeySchema }), jsonValueSchema.nullable()),
  set: method(
    z.object({ key: stateKeySchema, value: jsonValueSchema }).refine(
      (input) => JSON.stringify(input.value).length <= 64 * 1024,
      'a state value may be at most 64 KiB as JSON',
    ),
    z.void(),
  ),
} as const;
