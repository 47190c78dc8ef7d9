import { applyEdits, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import { LatheError } from '../../../src-shared/contract';
import { jsoncOptions, stripByteOrderMark } from './parse-settings-file';
import { removeProperty } from './remove-property';

/**
 * Sets (or, with `undefined`, removes) one key in the text of a settings file, touching nothing
 * else: comments, order and formatting of the other entries survive. Returns null when the text
 * would not change. `text` is null when the file does not exist yet.
 */
export function editSettingsText(text: string | null, key: string, value: unknown): string | null {
  if (text === null) return value === undefined ? null : `${objectWith(key, value, '\n')}\n`;

  const bom = text.length > 0 && stripByteOrderMark(text) !== text ? text.slice(0, 1) : '';
  let body = text.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';

  const errors: ParseError[] = [];
  const root = parseTree(body, errors, jsoncOptions);
  if (errors.length > 0) throw new LatheError('CONFLICT', 'settings.json has syntax errors; fix them first');
  if (!root) {
    // Empty, or only comments: keep whatever is there and add the object after it.
    if (value === undefined) return null;
    const separator = body.length === 0 || body.endsWith('\n') ? '' : eol;
    return `${bom}${body}${separator}${objectWith(key, value, eol)}${eol}`;
  }
  if (root.type !== 'object') throw new LatheError('CONFLICT', 'settings.json is not a JSON object; fix it first');

  // Removing drops every occurrence of the key; setting keeps only the last, the one in effect.
  const keep = value === undefined ? 0 : 1;
  let occurrences = propertiesNamed(root, key);
  while (occurrences.length > keep) {
    const [first] = occurrences;
    if (!first) break;
    body = removeProperty(body, first);
    occurrences = propertiesNamed(parseTree(body, [], jsoncOptions), key);
  }
  if (value !== undefined) body = applyEdits(body, modify(body, [key], value, { formattingOptions: formatting(eol) }));
  const edited = `${bom}${body}`;
  if (edited === text) return null;
  const check: ParseError[] = [];
  parseTree(body, check, jsoncOptions);
  if (check.length > 0) throw new LatheError('INTERNAL', 'The edit of settings.json went wrong; the file was left as it was');
  return edited;
}

function propertiesNamed(root: Node | undefined, key: string): Node[] {
  return (root?.children ?? []).filter((property) => property.children?.[0]?.value === key);
}

function formatting(eol: string): FormattingOptions {
  return { insertSpaces: true, tabSize: 2, eol };
}

function objectWith(key: string, value: unknown, eol: string): string {
  return applyEdits('{}', modify('{}', [key], value, { formattingOptions: formatting(eol) }));
}
