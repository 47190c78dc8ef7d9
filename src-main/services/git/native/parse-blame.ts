import type { GitBlame } from '../../../../src-shared/contract';

const uncommitted = /^0+$/;

/** Parses `git blame --porcelain`: a header per line, commit details the first time a commit appears. */
export function parseBlamePorcelain(output: string): GitBlame {
  const ranges: GitBlame['ranges'] = [];
  const commits: GitBlame['commits'] = {};
  const details = new Map<string, { name: string; email: string; time: number; subject: string }>();
  let current: string | null = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) continue;
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (header) {
      const oid = header[1] as string;
      const finalLine = Number(header[2]);
      current = oid;
      if (!details.has(oid)) details.set(oid, { name: '', email: '', time: 0, subject: '' });
      const value = uncommitted.test(oid) ? null : oid;
      const last = ranges[ranges.length - 1];
      if (last && last.oid === value && last.startLine + last.lineCount === finalLine) last.lineCount += 1;
      else ranges.push({ startLine: finalLine, lineCount: 1, oid: value });
      continue;
    }
    const entry = current ? details.get(current) : undefined;
    if (!entry) continue;
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    if (key === 'author') entry.name = value;
    else if (key === 'author-mail') entry.email = value.replace(/^<|>$/g, '');
    else if (key === 'author-time') entry.time = Number(value) * 1000;
    else if (key === 'summary') entry.subject = value;
  }
  for (const [oid, entry] of details) {
    if (!uncommitted.test(oid)) commits[oid] = { author: { name: entry.name, email: entry.email, time: entry.time }, subject: entry.subject };
  }
  return { ranges, commits };
}
