import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AiAttachment, AiAttachmentReport, AiRuleFile } from '../../../src-shared/contract';
import { maskSecrets, parseIgnoreFile, sensitivePathMatcher } from './redaction';
import { estimateTokens } from './tokens';

/** The workspace's path guard, as far as reading context needs it (structurally the workspace service's PathGuard). */
export interface WorkspaceFiles {
  /** Resolves a workspace-relative path, refusing anything that leaves the workspace (symlinks included). */
  resolve(path: string): Promise<string>;
  normalize(path: string): string;
}

const maxRuleBytes = 128 * 1024;
const maxFileBytes = 2 * 1024 * 1024;
const maxFolderEntries = 500;

export interface RuleText extends AiRuleFile {
  content: string;
}

/** AGENTS.md, .cursorrules and .lathe/rules/*.md of the open folder, read through the path guard, secrets masked. */
export async function readRules(files: WorkspaceFiles): Promise<RuleText[]> {
  const rulesFolder = '.lathe/rules';
  let ruleFiles: string[] = [];
  try {
    const entries = await readdir(await files.resolve(rulesFolder), { withFileTypes: true });
    ruleFiles = entries
      .filter((entry) => !entry.isDirectory() && entry.name.endsWith('.md'))
      .map((entry) => `${rulesFolder}/${entry.name}`)
      .sort();
  } catch {
    // No rules folder.
  }
  const paths = ['AGENTS.md', '.cursorrules', ...ruleFiles];
  const texts = await Promise.all(paths.map((path) => readWorkspaceText(files, path, maxRuleBytes)));
  return paths.flatMap((path, index) => {
    const text = texts[index];
    if (text === undefined || text.trim() === '') return [];
    const content = maskSecrets(text).text;
    return [{ path, content, tokens: estimateTokens(content) }];
  });
}

/** The deny list for attachments: the built-in globs and the patterns of `.lathe/ai-ignore`. */
export async function sensitiveFiles(files: WorkspaceFiles): Promise<(path: string) => boolean> {
  const ignore = await readWorkspaceText(files, '.lathe/ai-ignore', maxRuleBytes);
  return sensitivePathMatcher(ignore ? parseIgnoreFile(ignore) : []);
}

const isContextPath = (path: string): boolean => path === 'AGENTS.md' || path === '.cursorrules' || path === '.lathe' || path.startsWith('.lathe/');

/**
 * The rules and the deny list of the open folder. With a file watcher they are read once and again
 * only after a change to one of their files (so a request does not wait on the disk); without one,
 * on every request.
 */
export class WorkspaceContext {
  private rulesRead: Promise<RuleText[]> | undefined;
  private denyListRead: Promise<(path: string) => boolean> | undefined;
  private readonly subscription: { dispose(): void } | undefined;

  constructor(
    readonly files: WorkspaceFiles,
    onDidChangeFiles: ((listener: (paths: string[]) => void) => { dispose(): void }) | undefined,
  ) {
    this.subscription = onDidChangeFiles?.((paths) => {
      if (!paths.some(isContextPath)) return;
      this.rulesRead = undefined;
      this.denyListRead = undefined;
    });
  }

  rules(): Promise<RuleText[]> {
    if (!this.subscription) return readRules(this.files);
    this.rulesRead ??= readRules(this.files);
    return this.rulesRead;
  }

  isSensitive(): Promise<(path: string) => boolean> {
    if (!this.subscription) return sensitiveFiles(this.files);
    this.denyListRead ??= sensitiveFiles(this.files);
    return this.denyListRead;
  }

  dispose(): void {
    this.subscription?.dispose();
  }
}

export interface AttachedContext {
  /** The text sent before the user's message. */
  context: string;
  reports: AiAttachmentReport[];
}

/**
 * Reads what the user attached. Files on the deny list are refused unless `allowSensitive` is set;
 * binary and very large files are refused; secret-looking strings are masked in everything.
 */
export async function readAttachments(
  files: WorkspaceFiles | null,
  attachments: AiAttachment[],
  options: { isSensitive: (path: string) => boolean; isExcluded: (path: string) => boolean },
): Promise<AttachedContext> {
  const blocks: string[] = [];
  const reports: AiAttachmentReport[] = [];
  const add = (label: string, path: string | null, block: string, redactions: number): void => {
    blocks.push(block);
    reports.push({ label, path, status: 'attached', redactions, tokens: estimateTokens(block) });
  };
  const refuse = (label: string, path: string | null, status: 'refused' | 'missing', reason: string): void => {
    reports.push({ label, path, status, reason, redactions: 0, tokens: 0 });
  };
  for (const attachment of attachments) {
    if (attachment.kind === 'text') {
      const masked = maskSecrets(attachment.text);
      add(attachment.label, null, `<context label="${escapeAttribute(attachment.label)}">\n${masked.text}\n</context>`, masked.count);
      continue;
    }
    if (!files) {
      refuse(attachment.path, attachment.path, 'missing', 'No folder is open');
      continue;
    }
    let path: string;
    let absolute: string;
    try {
      path = files.normalize(attachment.path);
      absolute = await files.resolve(path);
    } catch (error) {
      refuse(attachment.path, attachment.path, 'refused', error instanceof Error ? error.message : 'The path was refused');
      continue;
    }
    if (attachment.kind === 'folder') {
      const names = await listFolder(absolute, path, options.isExcluded).catch(() => undefined);
      if (!names) refuse(path || '.', path, 'missing', 'The folder does not exist');
      else add(path || '.', path, `<folder path="${escapeAttribute(path || '.')}">\n${names.join('\n')}\n</folder>`, 0);
      continue;
    }
    if (options.isSensitive(path) && !attachment.allowSensitive) {
      refuse(path, path, 'refused', 'The file may hold secrets (deny list or .lathe/ai-ignore); allow it explicitly to send it');
      continue;
    }
    const text = await readText(absolute, maxFileBytes);
    if (typeof text !== 'string') {
      refuse(path, path, text.status, text.reason);
      continue;
    }
    const lines = attachment.lines;
    const selected = lines ? text.split('\n').slice(lines.start - 1, lines.end).join('\n') : text;
    const masked = maskSecrets(selected);
    const range = lines ? ` lines="${lines.start}-${lines.end}"` : '';
    add(path, path, `<file path="${escapeAttribute(path)}"${range}>\n${masked.text}\n</file>`, masked.count);
  }
  return { context: blocks.join('\n\n'), reports };
}

async function readWorkspaceText(files: WorkspaceFiles, path: string, limit: number): Promise<string | undefined> {
  try {
    const text = await readText(await files.resolve(path), limit);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

async function readText(absolute: string, limit: number): Promise<string | { status: 'refused' | 'missing'; reason: string }> {
  let size: number;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) return { status: 'refused', reason: 'It is not a file' };
    size = info.size;
  } catch {
    return { status: 'missing', reason: 'The file does not exist' };
  }
  if (size > limit) return { status: 'refused', reason: `The file is larger than ${Math.round(limit / 1024)} KB` };
  const bytes = await readFile(absolute);
  if (bytes.subarray(0, 8192).includes(0)) return { status: 'refused', reason: 'The file is binary' };
  return bytes.toString('utf8');
}

/** The folder's files, workspace-relative, breadth first, without excluded folders. */
async function listFolder(absolute: string, path: string, isExcluded: (path: string) => boolean): Promise<string[]> {
  const names: string[] = [];
  const queue: { absolute: string; path: string }[] = [{ absolute, path }];
  while (queue.length > 0 && names.length < maxFolderEntries) {
    const folder = queue.shift() as { absolute: string; path: string };
    const entries = await readdir(folder.absolute, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = folder.path ? `${folder.path}/${entry.name}` : entry.name;
      if (isExcluded(child)) continue;
      if (entry.isDirectory()) queue.push({ absolute: join(folder.absolute, entry.name), path: child });
      else names.push(child);
      if (names.length >= maxFolderEntries) break;
    }
  }
  return names;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
