import { describe, expect, it } from 'vitest';
import { LatheError } from '../../../../src-shared/contract';
import { editSettingsText } from '../../../../src-main/services/settings/edit-settings-file';

describe('editSettingsText', () => {
  it('creates a formatted object for a new file', () => {
    expect(editSettingsText(null, 'editor.fontSize', 16)).toBe('{\n  "editor.fontSize": 16\n}\n');
    expect(editSettingsText(null, 'editor.fontSize', undefined)).toBeNull();
  });

  it('replaces a value in place and leaves comments and other entries alone', () => {
    const text = '{\n  // my font\n  "editor.fontSize": 12, /* keep */\n\t"editor.tabSize":   2\n}\n';
    expect(editSettingsText(text, 'editor.fontSize', 18)).toBe(
      '{\n  // my font\n  "editor.fontSize": 18, /* keep */\n\t"editor.tabSize":   2\n}\n',
    );
  });

  it('adds a key after the last one, keeping a trailing comma valid', () => {
    const text = '{\n  // c\n  "editor.tabSize": 2,\n}\n';
    expect(editSettingsText(text, 'editor.wordWrap', 'on')).toBe('{\n  // c\n  "editor.tabSize": 2,\n  "editor.wordWrap": "on",\n}\n');
  });

  it('removes a key, and returns null when there is nothing to remove', () => {
    const text = '{\n  // c\n  "editor.tabSize": 2,\n  "editor.fontSize": 12\n}\n';
    expect(editSettingsText(text, 'editor.fontSize', undefined)).toBe('{\n  // c\n  "editor.tabSize": 2\n}\n');
    expect(editSettingsText(text, 'editor.wordWrap', undefined)).toBeNull();
    expect(editSettingsText('// only comments\n', 'editor.wordWrap', undefined)).toBeNull();
  });

  it('keeps the comments around a removed key', () => {
    const lastKey = '{\n  "editor.tabSize": 2, // about tabs\n  "editor.fontSize": 12\n}\n';
    expect(editSettingsText(lastKey, 'editor.fontSize', undefined)).toBe('{\n  "editor.tabSize": 2 // about tabs\n}\n');
    const firstKey = '{\n  // header\n  "editor.fontSize": 12,\n  /* tabs */ "editor.tabSize": 2\n}\n';
    expect(editSettingsText(firstKey, 'editor.fontSize', undefined)).toBe('{\n  // header\n  /* tabs */ "editor.tabSize": 2\n}\n');
    const onlyKey = '{\n  // header\n  "editor.fontSize": 12\n}\n';
    expect(editSettingsText(onlyKey, 'editor.fontSize', undefined)).toBe('{\n  // header\n}\n');
  });

  it('removes keys written on one line', () => {
    const text = '{ "editor.tabSize": 2, "editor.fontSize": 12, "editor.wordWrap": "on" }';
    expect(editSettingsText(text, 'editor.tabSize', undefined)).toBe('{ "editor.fontSize": 12, "editor.wordWrap": "on" }');
    expect(editSettingsText(text, 'editor.fontSize', undefined)).toBe('{ "editor.tabSize": 2, "editor.wordWrap": "on" }');
    expect(editSettingsText(text, 'editor.wordWrap', undefined)).toBe('{ "editor.tabSize": 2, "editor.fontSize": 12 }');
    expect(editSettingsText('{"editor.tabSize":2}', 'editor.tabSize', undefined)).toBe('{}');
  });

  it('removes every duplicate of a removed key', () => {
    const text = '{\n  "editor.tabSize": 2,\n  "editor.fontSize": 10,\n  "editor.tabSize": 8,\n}\n';
    expect(editSettingsText(text, 'editor.tabSize', undefined)).toBe('{\n  "editor.fontSize": 10,\n}\n');
  });

  it('keeps the comments of a file that has no object yet', () => {
    expect(editSettingsText('// settings', 'editor.tabSize', 3)).toBe('// settings\n{\n  "editor.tabSize": 3\n}\n');
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const text = '\uFEFF{\r\n  "editor.tabSize": 2\r\n}\r\n';
    expect(editSettingsText(text, 'editor.fontSize', 20)).toBe('\uFEFF{\r\n  "editor.tabSize": 2,\r\n  "editor.fontSize": 20\r\n}\r\n');
  });

  it('edits the duplicate that is in effect and drops the others', () => {
    const text = '{\n  "editor.tabSize": 2,\n  "editor.fontSize": 10,\n  "editor.tabSize": 8\n}\n';
    expect(editSettingsText(text, 'editor.tabSize', 4)).toBe('{\n  "editor.fontSize": 10,\n  "editor.tabSize": 4\n}\n');
  });

  it('refuses to touch text it cannot parse', () => {
    const conflict = (text: string): unknown => {
      try {
        editSettingsText(text, 'editor.tabSize', 2);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(conflict('{ "editor.tabSize": }')).toMatchObject({ code: 'CONFLICT', message: 'settings.json has syntax errors; fix them first' });
    expect(conflict('[]')).toBeInstanceOf(LatheError);
    expect(conflict('[]')).toMatchObject({ code: 'CONFLICT' });
  });
});
