/**
 * Maps workspace paths to repository paths and back, for a workspace that is the repository's
 * root (prefix '') or a folder inside it.
 */
export class RepositoryPaths {
  constructor(readonly prefix: string) {}

  /** A normalized workspace path ('' = the workspace root) as a path from the repository's root. */
  toRepository(workspacePath: string): string {
    if (!this.prefix) return workspacePath;
    return workspacePath ? `${this.prefix}/${workspacePath}` : this.prefix;
  }

  /** A repository path as a workspace path, or null when it lies outside the workspace. */
  toWorkspace(repositoryPath: string): string | null {
    if (!this.prefix) return repositoryPath;
    if (repositoryPath === this.prefix) return '';
    return repositoryPath.startsWith(`${this.prefix}/`) ? repositoryPath.slice(this.prefix.length + 1) : null;
  }
}
