import * as lathe from 'lathe';
import { splitPath, type Todo, type TodoFile } from './todos';

export type TodoElement = { kind: 'file'; file: TodoFile } | { kind: 'todo'; todo: Todo };

/** Codicons for the usual tags; any other tag gets the checklist. */
const tagIcons: Readonly<Record<string, string>> = { FIXME: 'warning', BUG: 'bug', HACK: 'tools' };

/** The Todo Tree view: files, each with its TODOs; a TODO opens its line. */
export class TodoTreeProvider implements lathe.TreeDataProvider<TodoElement> {
  private files: readonly TodoFile[] = [];
  private readonly changed = new lathe.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly openCommand: string) {}

  show(files: readonly TodoFile[]): void {
    this.files = files;
    this.changed.fire();
  }

  getChildren(element?: TodoElement): TodoElement[] {
    if (!element) return this.files.map((file) => ({ kind: 'file', file }));
    if (element.kind === 'file') return element.file.todos.map((todo) => ({ kind: 'todo', todo }));
    return [];
  }

  getTreeItem(element: TodoElement): lathe.TreeItem {
    if (element.kind === 'file') {
      const { name, folder } = splitPath(element.file.path);
      return { label: name, description: folder, tooltip: element.file.path, iconName: 'file', collapsibleState: 'expanded' };
    }
    const { todo } = element;
    return {
      label: todo.text ? `${todo.tag}: ${todo.text}` : todo.tag,
      description: `line ${todo.line + 1}`,
      tooltip: `${todo.path}:${todo.line + 1}`,
      iconName: tagIcons[todo.tag] ?? 'checklist',
      command: { command: this.openCommand, arguments: [todo.path, { line: todo.line, character: todo.character }] },
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
