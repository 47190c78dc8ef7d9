import * as lathe from 'lathe';
import { coalesce } from './coalesce';
import { normalizeTags, searchPattern } from './tags';
import { TodoTreeProvider } from './todo-tree-provider';
import { countByTag, groupTodos, scanSummary, statusText } from './todos';

/** Enough for any real workspace; past it the tooltip says the counts are short. */
const maxMatches = 5000;

export function activate(context: lathe.ExtensionContext): void {
  const provider = new TodoTreeProvider('todo-tree.open');
  const status = lathe.window.createStatusBarItem('todo-tree.status', 'left', 50);
  status.text = '$(sync) TODOs';
  // The workbench's command for the plugin's view container (`workbench.view.<container id>`).
  status.command = 'workbench.view.todo-tree.sidebar';
  status.show();

  const refresh = coalesce(async () => {
    const tags = normalizeTags(lathe.workspace.getConfiguration('todo-tree').get('tags'));
    const result = await lathe.workspace.textSearch(
      { pattern: searchPattern(tags), isRegExp: true, isCaseSensitive: true },
      { maxResults: maxMatches },
    );
    const files = groupTodos(
      result.matches.map((match) => ({ path: match.path, ...match.range.start, preview: match.preview })),
      tags,
    );
    const counts = countByTag(files, tags);
    const summary = scanSummary(counts, files.length, result.truncated);
    provider.show(files);
    status.text = statusText(counts);
    status.tooltip = `${summary}. Click to show the Todo Tree.`;
    console.log(`Scanned the workspace: ${summary}`);
  });
  // A scan that a save or a file change starts reports a failure in the plugin's log; Refresh shows it.
  const refreshInBackground = (): void => {
    refresh().catch((error: unknown) => console.error('Todo Tree could not scan the workspace:', error));
  };

  context.subscriptions.push(
    provider,
    status,
    lathe.window.createTreeView('todo-tree.todos', { treeDataProvider: provider }),
    lathe.commands.registerCommand('todo-tree.refresh', async () => {
      await refresh().catch((error: unknown) => lathe.window.showErrorMessage(`Todo Tree could not scan the workspace: ${String(error)}`));
    }),
    lathe.commands.registerCommand('todo-tree.open', (path: string, position: lathe.Position) =>
      lathe.window.showTextDocument(path, { selection: { start: position, end: position } }),
    ),
    lathe.workspace.onDidSaveTextDocument(refreshInBackground),
    lathe.workspace.onDidChangeFiles(refreshInBackground),
    lathe.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration('todo-tree.tags')) refreshInBackground();
    }),
  );
  refreshInBackground();
}
