import { describe, expect, it } from 'vitest';
import { enabledGlobs, pathMatcher, withFolderContents } from '../../../src-shared/globs';

describe('files.exclude globs', () => {
  const excluded = pathMatcher(enabledGlobs({ '**/node_modules': true, '*.log': true, 'build/**': true, '**/.DS_Store': true, 'docs': false }));

  it.each(['node_modules', 'a/b/node_modules', 'a/node_modules/pkg/index.js', 'x.log', 'build', 'build/out/app.js', 'src/.DS_Store'])('excludes %s', (path) => {
    expect(excluded(path)).toBe(true);
  });

  it.each(['src/main.rs', 'docs', 'docs/readme.md', 'logs/x.txt', 'src/x.log', 'rebuild/a', 'node_modules_backup'])('keeps %s', (path) => {
    expect(excluded(path)).toBe(false);
  });

  it('matches nothing when no glob is on', () => {
    expect(pathMatcher(enabledGlobs({ '**/*': false }))('anything')).toBe(false);
  });

  it('expands each glob to its folder and its contents, once', () => {
    expect(withFolderContents(['./build/**', 'build', 'out\\target\\', ''])).toEqual(['build', 'build/**', 'out/target', 'out/target/**']);
  });
});
