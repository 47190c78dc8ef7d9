import { data } from '@actions/expressions';

/** Plain JSON-like values into the evaluator's data (objects become case-insensitive dictionaries, as in GitHub). */
export function toExpressionData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toExpressionData));
  if (typeof value === 'object') {
    return new data.Dictionary(...Object.entries(value).map(([key, item]) => ({ key, value: toExpressionData(item) })));
  }
  return new data.StringData(String(value));
}

/** The evaluator's data back into plain values. */
export function fromExpressionData(value: data.ExpressionData): unknown {
  switch (value.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.Boolean:
    case data.Kind.String:
      return value.value;
    case data.Kind.Number:
      return value.value;
    case data.Kind.Array:
      return value.values().map(fromExpressionData);
    default:
      return Object.fromEntries((value as data.Dictionary).pairs().map((pair) => [pair.key, fromExpressionData(pair.value)]));
  }
}

/** A value as GitHub writes it into a string: numbers without trailing zeros, null as '', objects as JSON. */
export function expressionString(value: data.ExpressionData): string {
  if (value.kind === data.Kind.Array || value.kind === data.Kind.Dictionary) return JSON.stringify(fromExpressionData(value), null, 2);
  return value.coerceString();
}
