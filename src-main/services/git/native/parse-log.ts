import type { GitCommitDetails, GitLogCommit } from '../../../../src-shared/contract';

/** `git log -z --format=` fields for one commit, separated by US (0x1f); records end with NUL. */
export const logFormat = '%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%D%x1f%s';
/** The same, plus the committer and the whole message. */
export const detailsFormat = `${logFormat}%x1f%cn%x1f%ce%x1f%ct%x1f%B`;

function toCommit(fields: string[]): GitLogCommit {
  const [oid = '', parents = '', name = '', email = '', time = '0', refs = '', subject = ''] = fields;
  return {
    oid,
    parents: parents ? parents.split(' ') : [],
    subject,
    author: { name, email, time: Number(time) * 1000 },
    refs: refs ? refs.split(', ') : [],
  };
}

export function parseLog(output: string): GitLogCommit[] {
  return output
    .split('\0')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.length > 0)
    .map((record) => toCommit(record.split('\x1f')));
}

export function parseCommitDetails(output: string): GitCommitDetails['commit'] {
  const fields = output.replace(/\0$/, '').split('\x1f');
  const [name = '', email = '', time = '0', ...message] = fields.slice(7);
  return {
    ...toCommit(fields),
    committer: { name, email, time: Number(time) * 1000 },
    message: message.join('\x1f').replace(/\n+$/, ''),
  };
}
