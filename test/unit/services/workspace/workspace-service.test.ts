import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../src-main/services/workspace';

let root: string;
let workspace: WorkspaceService;
let trashed: string[];

beforeEach(async () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'lathe-ws-')));
  root = join(base, 'ws');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'lib.rs'), 'pub fn lib() {}\n');
  writeFileSync(join(base, 'outside.txt'), 'outside');
  trashed = [];
  workspace = await WorkspaceService.open(root, async (path) => void trashed.push(path));
});

describe('reading and writing with encodings', () => {
  it.each([
    ['utf8', Buffer.from('héllo\n', 'utf8')],
    ['utf8bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('héllo\n', 'utf8')])],
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo\n', 'utf16le')])],
    ['utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('héllo\n', 'utf16le').swap16()])],
  ] as const)('reads %s and writes the same bytes back', async (encoding, bytes) => {
    writeFileSync(join(root, 'text.txt'), bytes);
    const file = await workspace.readFile('text.txt');
    expect(file).toMatchObject({ content: 'héllo\n', encoding, size: bytes.length });
    await workspace.writeFile('text.txt', file.content, file.encoding);
    expect(readFileSync(join(root, 'text.txt')).equals(bytes)).toBe(true);
  });

  it('refuses a binary file instead of showing garbage', async () => {
    writeFileSync(join(root, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await expect(workspace.readFile('image.bin')).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/binary/) });
  });

  it('refuses a FIFO without blocking on it', async () => {
    execFileSync('mkfifo', [join(root, 'pipe')]);
    await expect(workspace.readFile('pipe')).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/not a regular file/) });
  });

  it('reports a missing file and a folder clearly', async () => {
    await expect(workspace.readFile('gone.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.readFile('src')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  it('keeps the file mode across an atomic save', async () => {
    const script = join(root, 'run.sh');
    writeFileSync(script, '#!/bin/sh\n');
    chmodSync(script, 0o755);
    await workspace.writeFile('run.sh', '#!/bin/sh\necho hi\n');
    expect(statSync(script).mode & 0o777).toBe(0o755);
  });
});

describe('file operations', () => {
  it('creates a file and a folder, refusing to replace what exists', async () => {
    await workspace.createFolder('docs');
    await workspace.createFile('docs/notes.md');
    expect(readFileSync(join(root, 'docs', 'notes.md'), 'utf8')).toBe('');
    await expect(workspace.createFile('src/lib.rs')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(workspace.createFolder('src')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(join(root, 'src', 'lib.rs'), 'utf8')).toBe('pub fn lib() {}\n');
  });

  it('renames and moves, refusing to overwrite unless asked', async () => {
    writeFileSync(join(root, 'a.txt'), 'a');
    writeFileSync(join(root, 'b.txt'), 'b');
    await expect(workspace.rename('a.txt', 'b.txt', false)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(join(root, 'b.txt'), 'utf8')).toBe('b');
    await workspace.rename('a.txt', 'src/a.txt', false);
    expect(readFileSync(join(root, 'src', 'a.txt'), 'utf8')).toBe('a');
    await workspace.rename('src/a.txt', 'b.txt', true);
    expect(readFileSync(join(root, 'b.txt'), 'utf8')).toBe('a');
  });

  it('copies folders and refuses to copy a folder into itself', async () => {
    await workspace.copy('src', 'src-copy');
    expect(readFileSync(join(root, 'src-copy', 'lib.rs'), 'utf8')).toBe('pub fn lib() {}\n');
    await expect(workspace.copy('src', 'src/inner')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.copy('src', 'src-copy')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('deletes to the trash when the shell has one, else for good', async () => {
    expect(await workspace.delete('src/lib.rs', true)).toEqual({ trashed: true });
    expect(trashed).toEqual([join(root, 'src', 'lib.rs')]);
    expect(await workspace.delete('src', false)).toEqual({ trashed: false });
    expect(existsSync(join(root, 'src'))).toBe(false);
    await expect(workspace.delete('src', false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never touches the workspace root or anything outside it', async () => {
    for (const operation of [() => workspace.delete('', false), () => workspace.rename('.', 'x', false), () => workspace.createFolder('')]) {
      await expect(operation()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    symlinkSync(join(root, '..', 'outside.txt'), join(root, 'link.txt'));
    await expect(workspace.writeFile('link.txt', 'overwritten')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(workspace.copy('src', '../stolen')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(workspace.rename('src/lib.rs', '../lib.rs', false)).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    expect(readFileSync(join(root, '..', 'outside.txt'), 'utf8')).toBe('outside');
    expect(existsSync(join(root, '..', 'stolen'))).toBe(false);
  });

  it('reports whether a file is writable', async () => {
    expect(await workspace.stat('src/lib.rs')).toMatchObject({ kind: 'file', size: 16, readonly: false });
    expect((await workspace.stat('src')).kind).toBe('directory');
  });
});
