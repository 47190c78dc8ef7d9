/** Quotes a path for the shell a terminal runs (POSIX shells, PowerShell or cmd). */
export function quoteForShell(path: string, platform: string): string {
  if (platform === 'win32') return `"${path.replace(/"/g, '""')}"`;
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that runs a file, by its kind: cargo for a binary crate's entry points, the usual
 * interpreter for scripts, and the file itself otherwise (as VS Code's Run Active File does).
 */
export function runFileCommand(relativePath: string, absolutePath: string, platform: string): string {
  const quoted = quoteForShell(absolutePath, platform);
  const bin = /(?:^|\/)src\/bin\/([^/]+)\.rs$/.exec(relativePath) ?? /(?:^|\/)src\/bin\/([^/]+)\/main\.rs$/.exec(relativePath);
  if (bin) return `cargo run --bin ${quoteForShell(bin[1] as string, platform)}`;
  if (/(?:^|\/)src\/main\.rs$/.test(relativePath)) return 'cargo run';
  if (/(?:^|\/)examples\/([^/]+)\.rs$/.test(relativePath)) {
    return `cargo run --example ${quoteForShell(/examples\/([^/]+)\.rs$/.exec(relativePath)?.[1] as string, platform)}`;
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(relativePath)?.[1]?.toLowerCase();
  switch (extension) {
    case 'py':
      return `${platform === 'win32' ? 'python' : 'python3'} ${quoted}`;
    case 'js':
    case 'mjs':
    case 'cjs':
      return `node ${quoted}`;
    case 'sh':
      return `bash ${quoted}`;
    case 'ps1':
      return `& ${quoted}`;
    default:
      return quoted;
  }
}
