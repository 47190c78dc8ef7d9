import { TokenType } from '@actions/workflow-parser/templates/tokens/types';
import { TemplateToken, type MappingToken, type SequenceToken, type StringToken } from '@actions/workflow-parser/templates/tokens/index';
import type { TokenRange } from '@actions/workflow-parser/templates/tokens/token-range';
import type { SourceRange } from '../model';

export function toSourceRange(range: TokenRange | undefined): SourceRange {
  if (!range) return { line: 1, column: 1 };
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

export function rangeOf(token: TemplateToken | undefined): SourceRange {
  return toSourceRange(token?.range);
}

/** The key and value of a mapping's property. */
export function property(mapping: TemplateToken | undefined, name: string): { key: TemplateToken; value: TemplateToken } | undefined {
  if (!mapping || mapping.templateTokenType !== TokenType.Mapping) return undefined;
  for (const pair of mapping as MappingToken) {
    if (pair.key.templateTokenType === TokenType.String && (pair.key as StringToken).value === name) return pair;
  }
  return undefined;
}

export function propertyValue(mapping: TemplateToken | undefined, name: string): TemplateToken | undefined {
  return property(mapping, name)?.value;
}

export function stringValue(token: TemplateToken | undefined): string | undefined {
  return token?.templateTokenType === TokenType.String ? (token as StringToken).value : undefined;
}

export function stringList(token: TemplateToken | undefined): string[] {
  if (token?.templateTokenType !== TokenType.Sequence) return [];
  return [...(token as SequenceToken)].map(stringValue).filter((value): value is string => value !== undefined);
}

/** Whether any part of a token is an expression (`${{ }}`), known only when the run evaluates it. */
export function containsExpression(token: TemplateToken): boolean {
  for (const [, node] of TemplateToken.traverse(token)) if (node.isExpression) return true;
  return false;
}
