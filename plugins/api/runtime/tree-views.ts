import { report, type RuntimeContext } from './context';
import { Disposable, type Event } from './events';
import type { TreeItemData } from './protocol';

interface TreeItem {
  label: string;
  description?: string;
  tooltip?: string;
  iconName?: string;
  collapsibleState?: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; arguments?: unknown[] };
}

interface TreeDataProvider<T> {
  onDidChangeTreeData?: Event<unknown>;
  getTreeItem(element: T): TreeItem | Promise<TreeItem>;
  getChildren(element?: T): T[] | undefined | null | Promise<T[] | undefined | null>;
}

interface ProvidedView {
  provider: TreeDataProvider<unknown>;
  /** The elements the workbench knows, by the handle it was given. Reset when the root is asked for again. */
  elements: Map<string, unknown>;
  nextHandle: number;
}

/** `window.createTreeView`, and the answers to the workbench's questions about the views' items. */
export function createTreeViews(context: RuntimeContext) {
  const views = new Map<string, ProvidedView>();

  const create = <T>(viewId: string, options: { treeDataProvider: TreeDataProvider<T> }) => {
    const provider = options.treeDataProvider as TreeDataProvider<unknown>;
    if (views.has(viewId)) throw new Error(`The view ${viewId} already has a tree data provider`);
    views.set(viewId, { provider, elements: new Map(), nextHandle: 0 });
    report(context.workbench.provideTreeView(viewId, true));
    const refresh = (): void => report(context.workbench.refreshTreeView(viewId));
    const changes = provider.onDidChangeTreeData?.(refresh);
    const disposable = new Disposable(() => {
      changes?.dispose();
      if (views.get(viewId)?.provider !== provider) return;
      views.delete(viewId);
      report(context.workbench.provideTreeView(viewId, false));
    });
    return Object.freeze({ viewId, treeDataProvider: options.treeDataProvider, refresh, dispose: () => disposable.dispose() });
  };

  const children = async (viewId: string, parentHandle: string | null): Promise<TreeItemData[]> => {
    const view = views.get(viewId);
    if (!view) throw new Error(`No tree data provider for the view ${viewId}`);
    if (parentHandle === null) view.elements.clear();
    else if (!view.elements.has(parentHandle)) return [];
    const parent = parentHandle === null ? undefined : view.elements.get(parentHandle);
    const elements = (await view.provider.getChildren(parent)) ?? [];
    return Promise.all(
      elements.map(async (element) => {
        const handle = `${view.nextHandle++}`;
        view.elements.set(handle, element);
        return treeItemData(handle, await view.provider.getTreeItem(element));
      }),
    );
  };

  return { create, children };
}

function treeItemData(handle: string, item: TreeItem): TreeItemData {
  return {
    handle,
    label: String(item.label),
    collapsible: item.collapsibleState ?? 'none',
    ...(item.description === undefined ? {} : { description: String(item.description) }),
    ...(item.tooltip === undefined ? {} : { tooltip: String(item.tooltip) }),
    ...(item.iconName === undefined ? {} : { icon: String(item.iconName) }),
    ...(item.command === undefined ? {} : { command: { command: String(item.command.command), arguments: item.command.arguments ?? [] } }),
  };
}
