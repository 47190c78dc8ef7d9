import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PathGuard } from '../../../../src-main/services/workspace';

let root: string;
let outside: string;
let guard: PathGuard;

beforeAll(async () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'lathe-guard-')));
  root = join(base, 'ws');
  outside = join(base, 'outside');
  mkdirSync(join(root, 'src', 'nested'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'src', 'main.rs'), 'fn main() {}');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(join(root, 'src'), join(root, 'link-in'));
  symlinkSync(outside, join(root, 'link-out'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'src', 'file-link-out'));
  symlinkSync('../../..', join(root, 'src', 'nested', 'up-two'));
  guard = await PathGuard.create(root);
});

const refused = [
  '..',
  '../outside/secret.txt',
  'src/../../outside',
  'src/nested/../../..',
  './../x',
  '/etc/passwd',
  '//server/share',
  '\\\\server\\share\\x',
  'C:\\Windows\\system32',
  'c:/windows',
  'C:',
  '..\\outside',
  'src\\..\\..\\outside',
  'src/\0/x',
  'a\0',
  `${'a/'.repeat(2100)}x`,
  'link-out',
  'link-out/secret.txt',
  'link-out/new-file.txt',
  'src/file-link-out',
  'src/nested/up-two',
  'src/nested/up-two/outside/secret.txt',
  '/',
  '../ws/src',
  'src/../../ws/../outside',
  '..%2f'.replace('%2f', '/') + 'outside',
];

const accepted: [string, string][] = [
  ['', ''],
  ['.', ''],
  ['src', 'src'],
  ['src/', 'src'],
  ['./src/main.rs', 'src/main.rs'],
  ['src//main.rs', 'src/main.rs'],
  ['src/nested/../main.rs', 'src/main.rs'],
  ['src\\main.rs', 'src/main.rs'],
  ['link-in/main.rs', 'link-in/main.rs'],
  ['not-yet/created/file.txt', 'not-yet/created/file.txt'],
  ['..foo', '..foo'],
  ['src/..hidden', 'src/..hidden'],
  ['ünïcödé/файл.txt', 'ünïcödé/файл.txt'],
  ['SRC/Main.RS', 'SRC/Main.RS'],
];

describe('PathGuard', () => {
  it.each(refused.map((path) => [path]))('refuses %j', async (path) => {
    await expect(guard.resolve(path)).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });

  it.each(accepted)('accepts %j as %j', async (path, normalized) => {
    expect(guard.normalize(path)).toBe(normalized);
    const absolute = await guard.resolve(path);
    expect(absolute.startsWith(root)).toBe(true);
    expect(guard.toRelative(absolute)).toBe(normalized);
  });

  it('keeps the error message free of anything but the given path', async () => {
    await expect(guard.resolve('link-out/secret.txt')).rejects.toThrow(/symbolic link/);
  });
});
