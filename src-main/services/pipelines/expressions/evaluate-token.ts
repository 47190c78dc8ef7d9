import { data } from '@actions/expressions';
import { TokenType } from '@actions/workflow-parser/templates/tokens/types';
import type {
  BasicExpressionToken,
  BooleanToken,
  MappingToken,
  NumberToken,
  SequenceToken,
  StringToken,
  TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import { blockScalarExpression } from './block-scalar';
import { evaluateExpression, hashFilesCalls, type ExpressionScope } from './evaluate';
import { expressionString, fromExpressionData } from './expression-data';

/** Evaluates a template token (a YAML value whose strings may hold `${{ }}`) to the evaluator's data. */
export function evaluateTokenData(token: TemplateToken, scope: ExpressionScope): data.ExpressionData {
  switch (token.templateTokenType) {
    case TokenType.String:
      return new data.StringData((token as StringToken).value);
    case TokenType.Number:
      return new data.NumberData((token as NumberToken).value);
    case TokenType.Boolean:
      return new data.BooleanData((token as BooleanToken).value);
    case TokenType.Null:
      return new data.Null();
    case TokenType.BasicExpression:
      return evaluateExpression(blockScalarExpression(token as BasicExpressionToken), scope);
    case TokenType.Sequence:
      return new data.Array(...[...(token as SequenceToken)].map((item) => evaluateTokenData(item, scope)));
    case TokenType.Mapping:
      return evaluateMapping(token as MappingToken, scope);
    default:
      throw new Error(`${token.typeName()} cannot be evaluated here`);
  }
}

function evaluateMapping(mapping: MappingToken, scope: ExpressionScope): data.Dictionary {
  const result = new data.Dictionary();
  for (const { key, value } of mapping) {
    // `${{ insert }}` merges the mapping its value evaluates to.
    if (key.templateTokenType === TokenType.InsertExpression) {
      const inserted = evaluateTokenData(value, scope);
      if (inserted.kind === data.Kind.Dictionary) for (const pair of inserted.pairs()) result.add(pair.key, pair.value);
      continue;
    }
    result.add(expressionString(evaluateTokenData(key, scope)), evaluateTokenData(value, scope));
  }
  return result;
}

export function evaluateToken(token: TemplateToken, scope: ExpressionScope): unknown {
  return fromExpressionData(evaluateTokenData(token, scope));
}

export function evaluateString(token: TemplateToken, scope: ExpressionScope): string {
  return expressionString(evaluateTokenData(token, scope));
}

/** A mapping of strings (`env:`, `with:`, `outputs:`); a missing token is an empty mapping. */
export function evaluateStringMap(token: TemplateToken | undefined, scope: ExpressionScope): Record<string, string> {
  if (!token) return {};
  const value = evaluateTokenData(token, scope);
  if (value.kind !== data.Kind.Dictionary) throw new Error(`Expected a mapping, found ${fromExpressionData(value) === null ? 'nothing' : 'a value'}`);
  return Object.fromEntries(value.pairs().map((pair) => [pair.key, expressionString(pair.value)]));
}

/** A boolean setting (`continue-on-error: ${{ … }}`): true or the string 'true'; `fallback` when the token is absent. */
export function evaluateBoolean(token: TemplateToken | undefined, scope: ExpressionScope, fallback: boolean): boolean {
  if (!token) return fallback;
  const value = evaluateTokenData(token, scope);
  return value.kind === data.Kind.Boolean ? value.value : value.coerceString() === 'true';
}

export function evaluateNumber(token: TemplateToken | undefined, scope: ExpressionScope): number | undefined {
  if (!token) return undefined;
  const value = evaluateTokenData(token, scope).number();
  return Number.isFinite(value) ? value : undefined;
}

/** Every expression inside a token, for work that must happen before evaluation (hashFiles, secret lookup). */
export function tokenExpressions(token: TemplateToken | undefined): string[] {
  if (!token) return [];
  switch (token.templateTokenType) {
    case TokenType.BasicExpression:
      return [(token as BasicExpressionToken).expression];
    case TokenType.Sequence:
      return [...(token as SequenceToken)].flatMap(tokenExpressions);
    case TokenType.Mapping:
      return [...(token as MappingToken)].flatMap(({ key, value }) => [...tokenExpressions(key), ...tokenExpressions(value)]);
    default:
      return [];
  }
}

/** The `hashFiles(...)` pattern lists a token will call, with their arguments evaluated. */
export function tokenHashFilesCalls(token: TemplateToken | undefined, scope: ExpressionScope): string[][] {
  return tokenExpressions(token).flatMap((expression) => hashFilesCalls(expression, scope));
}
