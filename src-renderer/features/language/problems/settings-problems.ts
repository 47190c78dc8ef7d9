import type { Disposable, SettingsIssue } from '../../../../src-shared/contract';
import { useAppStore } from '../../../app/store';
import { clearProblems, setProblems } from './problems-store';

const source = 'settings';

/** The workspace's settings file by its workspace path; the user's (in the profile) by its absolute path. */
function problemPath(file: string, workspaceRoot: string | undefined): string {
  const root = workspaceRoot?.replace(/[\\/]+$/, '');
  return root && (file.startsWith(`${root}/`) || file.startsWith(`${root}\\`)) ? file.slice(root.length + 1).replaceAll('\\', '/') : file;
}

function publish(issues: readonly SettingsIssue[], workspaceRoot: string | undefined): void {
  clearProblems(source);
  const byPath = new Map<string, SettingsIssue[]>();
  for (const issue of issues) {
    const path = problemPath(issue.file, workspaceRoot);
    byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  for (const [path, fileIssues] of byPath) {
    setProblems(
      source,
      path,
      fileIssues.map((issue) => ({
        range: { start: { line: issue.line, column: issue.column }, end: { line: issue.line, column: issue.column + 1 } },
        severity: 'warning',
        message: issue.message,
        source: `${issue.target} settings`,
      })),
    );
  }
}

/** Invalid settings are problems too: they show in Problems and count in the status bar. */
export function followSettingsProblems(): Disposable {
  const read = (): void => publish(useAppStore.getState().settings.issues, useAppStore.getState().info?.workspace?.root);
  read();
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.settings.issues !== previous.settings.issues || state.info !== previous.info) read();
  });
  return { dispose: unsubscribe };
}
