import type { GitCommitDetails } from '../../../../src-shared/contract';

type CommitFile = GitCommitDetails['files'][number];

const kinds: Record<string, CommitFile['kind']> = { A: 'added', M: 'modified', D: 'deleted', T: 'typeChanged', R: 'renamed', C: 'copied' };

/** Parses `git diff-tree -z --name-status`: a status, then one path (two for renames and copies). */
export function parseNameStatus(output: string): CommitFile[] {
  const fields = output.split('\0');
  const files: CommitFile[] = [];
  let index = 0;
  while (index < fields.length) {
    const status = fields[index++] ?? '';
    const letter = status[0];
    if (!letter) continue;
    const kind = kinds[letter] ?? 'modified';
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[index++] ?? '';
      files.push({ path: fields[index++] ?? '', oldPath, kind });
    } else {
      files.push({ path: fields[index++] ?? '', kind });
    }
  }
  return files;
}
