import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Rules {
  /** The folder the file sits in, workspace-relative ('' for the root). */
  base: string;
  rules: Ignore;
}

/**
 * Answers "does git ignore this path?" for the explorer, from the root's `.git/info/exclude` and
 * every `.gitignore` between the root and the path, as git reads them: deeper files win, and a
 * negation (`!keep.log`) can take a path back. Parsed files are cached until their mtime changes.
 */
export class GitignoreRules {
  private readonly cache = new Map<string, { mtimeMs: number; rules: Ignore | null }>();

  constructor(private readonly root: string) {}

  /**
   * Which of `names` (entries of the folder `folder`) are ignored. `folder` is workspace-relative
   * with `/` separators. A folder that is itself ignored makes all its entries ignored.
   */
  async ignoredEntries(folder: string, entries: readonly { name: string; isDirectory: boolean }[]): Promise<Set<string>> {
    const chain = await this.rulesFor(folder);
    if (chain.length === 0) return new Set();
    // Git does not look inside an ignored folder, whatever deeper files say.
    if (folder && folderIgnored(chain, folder)) return new Set(entries.map((entry) => entry.name));
    const ignored = new Set<string>();
    for (const entry of entries) {
      if (verdict(chain, folder ? `${folder}/${entry.name}` : entry.name, entry.isDirectory)) ignored.add(entry.name);
    }
    return ignored;
  }

  /** The rule files that apply inside `folder`, shallowest first. */
  private async rulesFor(folder: string): Promise<Rules[]> {
    const parts = folder ? folder.split('/') : [];
    const bases = [''].concat(parts.map((_, index) => parts.slice(0, index + 1).join('/')));
    const chain: Rules[] = [];
    const exclude = await this.load(join(this.root, '.git', 'info', 'exclude'));
    if (exclude) chain.push({ base: '', rules: exclude });
    for (const base of bases) {
      const rules = await this.load(join(this.root, base, '.gitignore'));
      if (rules) chain.push({ base, rules });
    }
    return chain;
  }

  private async load(file: string): Promise<Ignore | null> {
    const mtimeMs = await stat(file).then(
      (info) => (info.isFile() ? info.mtimeMs : -1),
      () => -1,
    );
    if (mtimeMs < 0) {
      this.cache.delete(file);
      return null;
    }
    const cached = this.cache.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.rules;
    const text = await readFile(file, 'utf8').catch(() => '');
    const rules = text.trim() ? ignore().add(text) : null;
    this.cache.set(file, { mtimeMs, rules });
    return rules;
  }
}

/** Whether `folder` or one of the folders above it is ignored. */
function folderIgnored(chain: readonly Rules[], folder: string): boolean {
  const segments = folder.split('/');
  return segments.some((_, index) => verdict(chain, segments.slice(0, index + 1).join('/'), true));
}

function verdict(chain: readonly Rules[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of chain) {
    if (base && !path.startsWith(`${base}/`)) continue;
    const relative = (base ? path.slice(base.length + 1) : path) + (isDirectory ? '/' : '');
    const result = rules.test(relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
