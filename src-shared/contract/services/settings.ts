import { z } from 'zod';
import { contributedIdSchema } from '../../plugins/manifest';
import { event, method } from '../define';
import { settingKeySchema, settingsSnapshotSchema, settingsTargetSchema } from '../settings';

export const settingsUpdateSchema = z.object({
  /** A built-in setting, or one an installed plugin contributes (`<plugin name>.…`). */
  key: z.union([settingKeySchema, contributedIdSchema]),
  /** Checked against the key's own schema by the service; `undefined` removes the key from the file. */
  value: z.unknown().optional(),
  target: settingsTargetSchema,
});

export const settingsService = {
  get: method(z.void(), settingsSnapshotSchema),
  update: method(settingsUpdateSchema, z.void()),
  onChanged: event(settingsSnapshotSchema),
} as const;
