import { describe, expect, it } from 'vitest';
import { parseSettingsText, positionAt } from '../../../../src-main/services/settings/parse-settings-file';

const file = '/profile/settings.json';

describe('parseSettingsText', () => {
  it('treats an empty file and a file of comments as no settings', () => {
    expect(parseSettingsText('', file, 'user')).toEqual({ values: {}, issues: [] });
    expect(parseSettingsText('// nothing yet\n', file, 'user')).toEqual({ values: {}, issues: [] });
  });

  it('reads JSONC with comments, a trailing comma and a byte order mark', () => {
    const text = '\uFEFF{\n  /* size */ "editor.fontSize": 16, // px\n  "editor.wordWrap": "on",\n}\n';
    expect(parseSettingsText(text, file, 'user')).toEqual({
      values: { 'editor.fontSize': 16, 'editor.wordWrap': 'on' },
      issues: [],
    });
  });

  it('points at the value that fails its schema', () => {
    const text = '{\n  // font\n  "editor.fontSize": 100,\n  "editor.tabSize": 2\n}\n';
    const { values, issues } = parseSettingsText(text, file, 'user');
    expect(values).toEqual({ 'editor.tabSize': 2 });
    expect(issues).toEqual([
      { file, target: 'user', line: 3, column: 22, key: 'editor.fontSize', message: 'editor.fontSize: Too big: expected number to be <=72' },
    ]);
  });

  it('points inside an object value at the entry that is wrong', () => {
    const text = '{\n  "files.exclude": {\n    "dist": true,\n    "out": "yes"\n  }\n}';
    const [issue] = parseSettingsText(text, file, 'user').issues;
    expect(issue).toMatchObject({ line: 4, column: 12, key: 'files.exclude' });
    expect(issue?.message).toMatch(/^files\.exclude: .*expected boolean/);
  });

  it('points at the key of an unknown setting', () => {
    const text = '{\n    "editor.fontsize": 12\n}';
    expect(parseSettingsText(text, file, 'user').issues).toEqual([
      { file, target: 'user', line: 2, column: 5, key: 'editor.fontsize', message: 'Unknown setting "editor.fontsize"' },
    ]);
  });

  it('does not mistake inherited object members for settings', () => {
    const { values, issues } = parseSettingsText('{ "toString": 1, "__proto__": 2 }', file, 'user');
    expect(values).toEqual({});
    expect(issues.map((issue) => issue.message)).toEqual(['Unknown setting "toString"', 'Unknown setting "__proto__"']);
  });

  it('reports syntax errors with their position and keeps what could be read', () => {
    const text = '{\n  "editor.tabSize": 2\n  "editor.fontSize": 18\n}';
    const { values, issues } = parseSettingsText(text, file, 'user');
    expect(issues).toEqual([{ file, target: 'user', line: 3, column: 3, message: 'Syntax error: CommaExpected' }]);
    expect(values).toEqual({ 'editor.tabSize': 2, 'editor.fontSize': 18 });
  });

  it('rejects a top level that is not an object', () => {
    expect(parseSettingsText('\n  [1, 2]', file, 'user')).toEqual({
      values: {},
      issues: [{ file, target: 'user', line: 2, column: 3, message: 'Settings must be a JSON object' }],
    });
  });

  it('ignores application settings in a workspace file', () => {
    const text = '{ "log.level": "trace", "editor.fontSize": 20 }';
    expect(parseSettingsText(text, file, 'workspace')).toEqual({
      values: { 'editor.fontSize': 20 },
      issues: [{ file, target: 'workspace', line: 1, column: 3, key: 'log.level', message: '"log.level" can only be set in user settings' }],
    });
    expect(parseSettingsText(text, file, 'user').values).toEqual({ 'log.level': 'trace', 'editor.fontSize': 20 });
  });

  it('lets the last of duplicate keys win, as JSON.parse does', () => {
    expect(parseSettingsText('{ "editor.tabSize": 2, "editor.tabSize": 8 }', file, 'user').values).toEqual({ 'editor.tabSize': 8 });
    const invalidLast = parseSettingsText('{ "editor.tabSize": 2, "editor.tabSize": 99 }', file, 'user');
    expect(invalidLast.values).toEqual({});
    expect(invalidLast.issues).toHaveLength(1);
  });
});

describe('positionAt', () => {
  it('counts lines ended by \\n, \\r\\n and a lone \\r', () => {
    const text = 'a\nb\r\nc\rd';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    expect(positionAt(text, text.indexOf('c'))).toEqual({ line: 3, column: 1 });
    expect(positionAt(text, text.indexOf('d'))).toEqual({ line: 4, column: 1 });
  });
});
