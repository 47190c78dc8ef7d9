import { useCallback, useEffect, useState } from 'react';
import type { TreeItemData } from '../../../../plugins/api/runtime/protocol';
import { errorMessage } from '../../../platform/errors';
import { Codicon } from '../../../platform/ui/Codicon';
import { runContributedCommand } from '../contributions/run-contributed-command';
import { activatePlugin, runningSession } from '../plugin-host';
import { usePluginsStore } from '../store';
import { treeItemsSchema } from './tree-items';

type Children = Readonly<Record<string, readonly TreeItemData[]>>;

/** Asks the plugin providing a view for an item's children (the top level for null). */
async function childrenOf(viewId: string, parent: string | null): Promise<TreeItemData[]> {
  const plugin = usePluginsStore.getState().providedViews[viewId];
  const session = plugin ? runningSession(plugin) : undefined;
  if (!session) return [];
  return treeItemsSchema.parse(await session.runtime.treeChildren(viewId, parent));
}

function TreeRows({ viewId, items, depth, children, expanded, toggle }: { viewId: string; items: readonly TreeItemData[]; depth: number; children: Children; expanded: ReadonlySet<string>; toggle(item: TreeItemData): void }) {
  return items.map((item) => {
    const open = item.collapsible !== 'none' && expanded.has(item.handle);
    return (
      <div key={item.handle} role="group">
        <div
          role="treeitem"
          tabIndex={-1}
          aria-expanded={item.collapsible === 'none' ? undefined : open}
          className="plugin-tree-row"
          data-testid="plugin-tree-row"
          style={{ paddingLeft: 8 + depth * 12 }}
          title={item.tooltip ?? item.label}
          onClick={() => {
            if (item.collapsible !== 'none') toggle(item);
            if (item.command) runContributedCommand(item.command.command, item.command.arguments);
          }}
        >
          <Codicon name={item.collapsible === 'none' ? 'blank' : open ? 'chevron-down' : 'chevron-right'} className="plugin-tree-twistie" />
          {item.icon ? <Codicon name={item.icon} className="plugin-tree-icon" /> : null}
          <span className="plugin-tree-label">{item.label}</span>
          {item.description ? <span className="plugin-tree-description">{item.description}</span> : null}
        </div>
        {open ? <TreeRows viewId={viewId} items={children[item.handle] ?? []} depth={depth + 1} children={children} expanded={expanded} toggle={toggle} /> : null}
      </div>
    );
  });
}

/**
 * A contributed tree view: showing it activates its plugin (`onView:`); the rows are the data the
 * plugin's tree data provider answers, rendered by the workbench. A refresh asks for all again.
 */
export function PluginTreeView({ plugin, viewId, name }: { plugin: string; viewId: string; name: string }) {
  const provided = usePluginsStore((state) => state.providedViews[viewId] !== undefined);
  const version = usePluginsStore((state) => state.viewVersions[viewId] ?? 0);
  const [roots, setRoots] = useState<readonly TreeItemData[] | null>(null);
  const [children, setChildren] = useState<Children>({});
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void activatePlugin(plugin, `onView:${viewId}`);
  }, [plugin, viewId]);

  const load = useCallback(
    async (item: TreeItemData) => {
      const items = await childrenOf(viewId, item.handle);
      setChildren((current) => ({ ...current, [item.handle]: items }));
    },
    [viewId],
  );

  useEffect(() => {
    if (!provided) return;
    let current = true;
    childrenOf(viewId, null).then(
      (items) => {
        if (!current) return;
        setRoots(items);
        setChildren({});
        setProblem(null);
        const open = items.filter((item) => item.collapsible === 'expanded');
        setExpanded(new Set(open.map((item) => item.handle)));
        for (const item of open) void load(item).catch(() => undefined);
      },
      (error: unknown) => current && setProblem(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [provided, version, viewId, load]);

  const toggle = (item: TreeItemData): void => {
    const opening = !expanded.has(item.handle);
    setExpanded((current) => (opening ? new Set([...current, item.handle]) : new Set([...current].filter((handle) => handle !== item.handle))));
    if (opening && !children[item.handle]) void load(item).catch((error: unknown) => setProblem(errorMessage(error)));
  };

  return (
    <div className="plugin-tree" role="tree" aria-label={name} data-testid="plugin-tree" data-view={viewId}>
      {problem ? <div className="plugin-view-message">{problem}</div> : null}
      {!provided || roots === null ? <div className="plugin-view-message">Loading…</div> : null}
      {roots && roots.length === 0 ? <div className="plugin-view-message">Nothing to show.</div> : null}
      {roots ? <TreeRows viewId={viewId} items={roots} depth={0} children={children} expanded={expanded} toggle={toggle} /> : null}
    </div>
  );
}
