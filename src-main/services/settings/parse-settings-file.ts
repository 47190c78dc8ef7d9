import { readFile } from 'node:fs/promises';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import {
  settingsRegistry,
  type SettingKey,
  type SettingsIssue,
  type SettingsTarget,
  type SettingsValues,
} from '../../../src-shared/contract';
import { noPluginSettings, type PluginSettings } from './plugin-settings';

/**
 * What one settings file contributes: the values it sets validly (built-in settings and those of
 * installed plugins, by key), and everything wrong with it.
 */
export interface SettingsLayer {
  readonly values: Partial<SettingsValues> & Readonly<Record<string, unknown>>;
  readonly issues: SettingsIssue[];
}

export const emptyLayer: SettingsLayer = { values: {}, issues: [] };

export const jsoncOptions = { allowTrailingComma: true, allowEmptyContent: true, disallowComments: false } as const;

const byteOrderMark = '\uFEFF';

/** Editors on Windows may save with a BOM; it is not part of the JSON. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(byteOrderMark) ? text.slice(1) : text;
}

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingsRegistry, key);
}

/** The file's text, or null when it does not exist. Any other failure is thrown. */
export async function readSettingsText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads and checks one settings file. Never throws: an unreadable file is reported as an issue. */
export async function readSettingsLayer(file: string, target: SettingsTarget, plugins: PluginSettings): Promise<SettingsLayer> {
  let text: string | null;
  try {
    text = await readSettingsText(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { values: {}, issues: [{ file, target, line: 1, column: 1, message: `Could not read the settings file: ${reason}` }] };
  }
  return text === null ? emptyLayer : parseSettingsText(text, file, target, plugins);
}

/** Checks JSONC text against the settings registry and the plugins' settings; keys with a problem are left out of `values`. */
export function parseSettingsText(rawText: string, file: string, target: SettingsTarget, plugins: PluginSettings = noPluginSettings): SettingsLayer {
  const text = stripByteOrderMark(rawText);
  const found: { offset: number; issue: SettingsIssue }[] = [];
  const report = (offset: number, message: string, key?: string): void => {
    const { line, column } = positionAt(text, offset);
    found.push({ offset, issue: key === undefined ? { file, target, line, column, message } : { file, target, line, column, key, message } });
  };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, jsoncOptions);
  for (const error of errors) report(error.offset, `Syntax error: ${printParseErrorCode(error.error)}`);

  const values: Record<string, unknown> = {};
  if (root && root.type !== 'object') {
    report(root.offset, 'Settings must be a JSON object');
  } else if (root) {
    for (const property of root.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      // A property without a value is already reported as a syntax error.
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      const definition = isSettingKey(key) ? settingsRegistry[key] : plugins.definitions.get(key);
      if (!definition) {
        report(keyNode.offset, `Unknown setting "${key}"`, key);
        continue;
      }
      if (target === 'workspace' && definition.scope === 'application') {
        report(keyNode.offset, `"${key}" can only be set in user settings`, key);
        continue;
      }
      const result = definition.schema.safeParse(getNodeValue(valueNode));
      if (result.success) {
        values[key] = result.data;
        continue;
      }
      // A duplicate key replaces the earlier one, as in JSON.parse, including an earlier valid value.
      delete values[key];
      const first = result.error.issues[0];
      const offending = (first && findNodeAtLocation(valueNode, first.path.filter(isPathSegment))) ?? valueNode;
      report(offending.offset, `${key}: ${first?.message ?? 'Invalid value'}`, key);
    }
  }

  found.sort((a, b) => a.offset - b.offset);
  return { values: values as SettingsLayer['values'], issues: found.map(({ issue }) => issue) };
}

function isPathSegment(segment: PropertyKey): segment is string | number {
  return typeof segment !== 'symbol';
}

/** 1-based line and column of an offset; `\r\n`, `\n` and a lone `\r` each end a line, as in the JSONC scanner. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x0a || (char === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
