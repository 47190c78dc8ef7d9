import { z } from 'zod';
import { method } from '../define';

export const stateKeySchema = z.string().regex(/^[A-Za-z0-9._:/-]{1,200}$/);

const jsonValueSchema: z.ZodType<unknown> = z.json();

/** `workspace` values belong to the open folder (its open editors); `global` ones to the profile (layout). */
export const stateScopeSchema = z.enum(['global', 'workspace']).default('global');

/** Small pieces of UI state (layout, last open files) kept in the profile database. */
export const stateService = {
  get: method(z.object({ key: stateKeySchema, scope: stateScopeSchema }), jsonValueSchema.nullable()),
  set: method(
    z.object({ key: stateKeySchema, scope: stateScopeSchema, value: jsonValueSchema }).refine(
      (input) => JSON.stringify(input.value).length <= 64 * 1024,
      'a state value may be at most 64 KiB as JSON',
    ),
    z.void(),
  ),
} as const;
