import { z } from 'zod';
import type { TreeItemData } from '../../../../plugins/api/runtime/protocol';
import { commandIdSchema } from '../bridge/schemas';

/** What a plugin's tree data provider answers: bounded, so a plugin cannot flood the view. */
export const treeItemsSchema = z
  .array(
    z.object({
      handle: z.string().max(20),
      label: z.string().max(1000),
      description: z.string().max(1000).optional(),
      tooltip: z.string().max(5000).optional(),
      icon: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
      collapsible: z.enum(['none', 'collapsed', 'expanded']),
      command: z.object({ command: commandIdSchema, arguments: z.array(z.unknown()).max(20).optional() }).optional(),
    }),
  )
  .max(10_000) satisfies z.ZodType<TreeItemData[]>;
