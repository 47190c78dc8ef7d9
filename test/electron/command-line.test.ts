import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argsForFolder, userArgsStart } from '../../src-main/electron/command-line';

const bundle = resolve('/app/out/main/electron.cjs');

describe('userArgsStart', () => {
  it('starts after the executable in a packaged app', () => {
    expect(userArgsStart(['/opt/Lathe/lathe', '/work/project'], { isPackaged: true, appPaths: [] })).toBe(1);
  });

  it('starts after the app path in development, whatever switches come before it', () => {
    const appPaths = [bundle, '/app'];
    expect(userArgsStart(['electron', bundle, '/work/project'], { isPackaged: false, appPaths })).toBe(2);
    expect(userArgsStart(['electron', '--inspect=0', '--remote-debugging-port=0', bundle, '--user-data-dir=/tmp/p'], { isPackaged: false, appPaths })).toBe(4);
    expect(userArgsStart(['electron', '/app', '/app'], { isPackaged: false, appPaths })).toBe(2);
    expect(userArgsStart(['electron'], { isPackaged: false, appPaths })).toBe(1);
  });
});

describe('argsForFolder', () => {
  it('replaces the open folder and keeps the profile and switches', () => {
    const argv = ['electron', '--inspect=0', bundle, '--user-data-dir', '/tmp/profile', '/work/old', '--verbose'];
    expect(argsForFolder(argv, 3, '/work/new')).toEqual(['--inspect=0', bundle, '--user-data-dir', '/tmp/profile', '--verbose', resolve('/work/new')]);
  });

  it('adds the folder when none was open', () => {
    expect(argsForFolder(['/opt/Lathe/lathe', '--user-data-dir=/tmp/p'], 1, '/work/new')).toEqual(['--user-data-dir=/tmp/p', resolve('/work/new')]);
  });
});
