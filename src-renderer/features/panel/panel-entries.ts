import type { Notice, SettingsIssue } from '../../../src-shared/contract';

export interface PanelEntry {
  key: string;
  severity: 'info' | 'warning' | 'error';
  /** `file:line:col` when the entry points into a file. */
  location: string | null;
  message: string;
  source: string;
}

/** Files inside the workspace are shown relative to it, like VS Code's Problems view. */
export function displayPath(file: string, workspaceRoot: string | undefined): string {
  if (!workspaceRoot) return file;
  const root = workspaceRoot.replace(/[\\/]+$/, '');
  const inside = file.startsWith(`${root}/`) || file.startsWith(`${root}\\`);
  return inside ? file.slice(root.length + 1).replaceAll('\\', '/') : file;
}

export function settingsIssueEntry(issue: SettingsIssue, index: number, workspaceRoot: string | undefined): PanelEntry {
  return {
    key: `settings:${index}:${issue.file}:${issue.line}:${issue.column}`,
    severity: 'warning',
    location: `${displayPath(issue.file, workspaceRoot)}:${issue.line}:${issue.column}`,
    message: issue.message,
    source: `${issue.target} settings`,
  };
}

export function noticeEntry(notice: Notice): PanelEntry {
  return { key: `notice:${notice.id}`, severity: notice.severity, location: null, message: notice.message, source: notice.source };
}
