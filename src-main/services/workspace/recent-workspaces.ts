import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { RecentWorkspace, WorkspaceInfo } from '../../../src-shared/contract';

/** Where the list is kept: a JSON value in the profile's database. */
export interface RecentWorkspaceStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const storeKey = 'recentWorkspaces';
const maxRecent = 20;

// The stored value is read back from disk: anything that does not parse is dropped, not trusted.
const storedSchema = z.array(z.object({ name: z.string(), root: z.string(), openedAt: z.number() }));

/** The folders the user opened, most recent first, as VS Code's File > Open Recent lists them. */
export class RecentWorkspaces {
  constructor(private readonly store: RecentWorkspaceStore) {}

  /** Puts the folder at the top of the list (each folder once). */
  record(workspace: WorkspaceInfo, now = Date.now()): void {
    const others = this.stored().filter((entry) => entry.root !== workspace.root);
    this.store.set(storeKey, [{ name: workspace.name, root: workspace.root, openedAt: now }, ...others].slice(0, maxRecent));
  }

  list(): RecentWorkspace[] {
    return this.stored().map((entry) => ({ ...entry, exists: existsSync(entry.root) }));
  }

  has(root: string): boolean {
    return this.stored().some((entry) => entry.root === root);
  }

  private stored(): z.infer<typeof storedSchema> {
    const parsed = storedSchema.safeParse(this.store.get(storeKey));
    return parsed.success ? parsed.data : [];
  }
}
