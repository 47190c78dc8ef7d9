import type { BasicExpressionToken } from '@actions/workflow-parser/templates/tokens/index';
import { parse } from 'yaml';

const rebuilt = new WeakMap<BasicExpressionToken, string>();

/**
 * The expression of a block scalar (`run: |` …) holding `${{ }}`. GitHub's parser builds it from the
 * scalar's raw source, keeping the YAML indentation and ignoring folding and chomping; here YAML reads
 * the value first and the expression is built from that, as the runner sees it.
 */
export function blockScalarExpression(token: BasicExpressionToken): string {
  if (token.blockScalarHeader === undefined || token.source === undefined) return token.expression;
  let expression = rebuilt.get(token);
  if (expression === undefined) {
    const value = String((parse(`v: ${token.blockScalarHeader}\n${token.source}`) as { v: unknown }).v ?? '');
    expression = formatExpression(value);
    rebuilt.set(token, expression);
  }
  return expression;
}

/** `text ${{ a }} more ${{ b }}` as `format('text {0} more {1}', a, b)`. */
function formatExpression(value: string): string {
  let format = '';
  const args: string[] = [];
  let index = 0;
  while (index < value.length) {
    const start = value.indexOf('${{', index);
    if (start < 0) {
      format += escape(value.slice(index));
      break;
    }
    format += escape(value.slice(index, start));
    let end = start + 3;
    let quoted = false;
    for (; end < value.length; end += 1) {
      if (value[end] === "'") quoted = !quoted;
      else if (!quoted && value[end] === '}' && value[end + 1] === '}') break;
    }
    format += `{${args.length}}`;
    args.push(value.slice(start + 3, end).trim());
    index = end + 2;
  }
  return `format('${format}'${args.map((arg) => `, ${arg}`).join('')})`;
}

function escape(text: string): string {
  return text.replace(/'/g, "''").replace(/\{/g, '{{').replace(/\}/g, '}}');
}
