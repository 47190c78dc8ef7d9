import { gitStatusGroupLimit, type GitChange, type GitConflict, type GitStatus } from '../../../../src-shared/contract';

type ChangeKind = GitChange['kind'];

const changeKinds: Record<string, ChangeKind> = { M: 'modified', T: 'typeChanged', A: 'added', D: 'deleted', R: 'renamed', C: 'copied' };

const conflictKinds: Record<string, GitConflict['kind']> = {
  UU: 'bothModified',
  AA: 'bothAdded',
  DD: 'bothDeleted',
  AU: 'addedByUs',
  UA: 'addedByThem',
  DU: 'deletedByUs',
  UD: 'deletedByThem',
};

/** Everything of the status that `git status --porcelain=v2 -z --branch --show-stash` prints. */
export type ParsedStatus = Omit<GitStatus, 'operation'>;

/** Splits off `count` space-separated fields; the rest (a path, which may hold spaces) comes last. */
function fields(record: string, count: number): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let field = 0; field < count; field += 1) {
    const space = record.indexOf(' ', start);
    if (space < 0) break;
    parts.push(record.slice(start, space));
    start = space + 1;
  }
  parts.push(record.slice(start));
  return parts;
}

function submoduleState(field: string): GitChange['submodule'] {
  if (!field.startsWith('S')) return undefined;
  return { commitChanged: field[1] === 'C', modified: field[2] === 'M', untracked: field[3] === 'U' };
}

/** Parses porcelain v2 status output (NUL-separated records). */
export function parsePorcelainV2(output: string): ParsedStatus {
  const status: ParsedStatus = {
    head: { branch: null, oid: null, detached: false, upstream: null, ahead: 0, behind: 0 },
    staged: [],
    unstaged: [],
    untracked: [],
    conflicted: [],
    stashCount: 0,
    truncated: false,
  };
  const push = <T>(group: T[], entry: T): void => {
    if (group.length < gitStatusGroupLimit) group.push(entry);
    else status.truncated = true;
  };
  const addChange = (xy: string, sub: string, path: string, oldPath?: string): void => {
    const submodule = submoduleState(sub);
    const [index, worktree] = [xy[0] ?? '.', xy[1] ?? '.'];
    const indexKind = changeKinds[index];
    const worktreeKind = changeKinds[worktree];
    if (indexKind) {
      push(status.staged, {
        path,
        kind: indexKind,
        ...(oldPath !== undefined && (index === 'R' || index === 'C') ? { oldPath } : {}),
        ...(submodule ? { submodule } : {}),
      });
    }
    if (worktreeKind) push(status.unstaged, { path, kind: worktreeKind, ...(submodule ? { submodule } : {}) });
  };

  const records = output.split('\0');
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] ?? '';
    if (record.startsWith('# ')) {
      const [, key, ...rest] = record.split(' ');
      const value = rest.join(' ');
      if (key === 'branch.oid') status.head.oid = value === '(initial)' ? null : value;
      else if (key === 'branch.head') {
        status.head.detached = value === '(detached)';
        status.head.branch = status.head.detached ? null : value;
      } else if (key === 'branch.upstream') status.head.upstream = value;
      else if (key === 'branch.ab') {
        const match = /^\+(\d+) -(\d+)$/.exec(value);
        if (match) [status.head.ahead, status.head.behind] = [Number(match[1]), Number(match[2])];
      } else if (key === 'stash') status.stashCount = Number(value) || 0;
    } else if (record.startsWith('1 ')) {
      const [, xy = '', sub = '', , , , , , path = ''] = fields(record, 8);
      addChange(xy, sub, path);
    } else if (record.startsWith('2 ')) {
      const [, xy = '', sub = '', , , , , , , path = ''] = fields(record, 9);
      // A rename's original path is the next record.
      addChange(xy, sub, path, records[++index] ?? '');
    } else if (record.startsWith('u ')) {
      const [, xy = '', , , , , , , , , path = ''] = fields(record, 10);
      push(status.conflicted, { path, kind: conflictKinds[xy] ?? 'bothModified' });
    } else if (record.startsWith('? ')) {
      push(status.untracked, { path: record.slice(2), kind: 'untracked' });
    }
  }
  return status;
}
