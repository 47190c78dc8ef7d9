import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { FunctionCall, type Expr } from '@actions/expressions/ast';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { TokenType } from '@actions/expressions/lexer';
import { truthy } from '@actions/expressions/result';
import { toExpressionData } from './expression-data';

/** The status of what came before, for `success()`, `failure()`, `cancelled()` and `always()`. */
export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
}

/** What an expression may see: named contexts (github, env, matrix, needs, steps, …) and functions. */
export interface ExpressionScope {
  readonly contexts: Readonly<Record<string, unknown>>;
  /** Present where GitHub allows status functions (`if:`). */
  readonly status?: StatusFunctions;
  /** Results of `hashFiles(...)`, computed before evaluation (see `hashFilesCalls`), keyed by `hashFilesKey`. */
  readonly hashFiles?: ReadonlyMap<string, string>;
}

export class ExpressionError extends Error {
  constructor(
    readonly expression: string,
    reason: string,
  ) {
    super(`The expression \${{ ${expression} }} failed: ${reason}`);
  }
}

const prepared = new WeakMap<ExpressionScope, { context: data.Dictionary; functions: Map<string, FunctionDefinition> }>();

/** Evaluates one expression (without `${{ }}`) to the evaluator's data. */
export function evaluateExpression(expression: string, scope: ExpressionScope): data.ExpressionData {
  const tree = parse(expression, scope);
  const { context, functions } = prepare(scope);
  try {
    return new Evaluator(tree, context, functions).evaluate();
  } catch (error) {
    throw new ExpressionError(expression, (error as Error).message);
  }
}

/** An `if:` condition: GitHub's truthiness of the result. */
export function evaluateCondition(expression: string, scope: ExpressionScope): boolean {
  return truthy(evaluateExpression(expression, scope));
}

export function hashFilesKey(patterns: readonly string[]): string {
  return JSON.stringify(patterns);
}

/**
 * The pattern lists of every `hashFiles(...)` call in an expression, with their arguments evaluated, so the
 * files can be hashed asynchronously before the expression itself is (evaluation is synchronous).
 */
export function hashFilesCalls(expression: string, scope: ExpressionScope): string[][] {
  if (!/hashfiles/i.test(expression)) return [];
  const calls: string[][] = [];
  const { context, functions } = prepare(scope);
  const visit = (node: Expr): void => {
    if (node instanceof FunctionCall && node.functionName.lexeme.toLowerCase() === 'hashfiles') {
      calls.push(node.args.map((argument) => new Evaluator(argument, context, functions).evaluate().coerceString()));
      return;
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach((item) => isExpr(item) && visit(item));
      else if (isExpr(child)) visit(child);
    }
  };
  visit(parse(expression, scope));
  return calls;
}

function isExpr(value: unknown): value is Expr {
  return typeof value === 'object' && value !== null && typeof (value as Expr).accept === 'function';
}

function parse(expression: string, scope: ExpressionScope): Expr {
  try {
    const { tokens } = new Lexer(expression).lex();
    // The lexer unescapes only the first '' of a string literal; every '' stands for one quote.
    for (const token of tokens) if (token.type === TokenType.STRING) token.value = token.lexeme.slice(1, -1).replaceAll("''", "'");
    return new Parser(tokens, Object.keys(scope.contexts), [...prepare(scope).functions.values()]).parse();
  } catch (error) {
    throw new ExpressionError(expression, (error as Error).message);
  }
}

function prepare(scope: ExpressionScope): { context: data.Dictionary; functions: Map<string, FunctionDefinition> } {
  let entry = prepared.get(scope);
  if (!entry) {
    entry = { context: toExpressionData(scope.contexts) as data.Dictionary, functions: scopeFunctions(scope) };
    prepared.set(scope, entry);
  }
  return entry;
}

function scopeFunctions(scope: ExpressionScope): Map<string, FunctionDefinition> {
  const functions = new Map<string, FunctionDefinition>();
  const add = (name: string, minArgs: number, maxArgs: number, call: (...args: data.ExpressionData[]) => data.ExpressionData): void => {
    functions.set(name.toLowerCase(), { name, minArgs, maxArgs, call });
  };
  const { status, hashFiles } = scope;
  if (status) {
    // Job conditions may name jobs (`failure(build)`); the status is the same for all of them here.
    add('success', 0, 255, () => new data.BooleanData(status.success()));
    add('failure', 0, 255, () => new data.BooleanData(status.failure()));
    add('cancelled', 0, 0, () => new data.BooleanData(status.cancelled()));
    add('always', 0, 0, () => new data.BooleanData(true));
  }
  add('hashFiles', 1, 255, (...patterns) => {
    const key = hashFilesKey(patterns.map((pattern) => pattern.coerceString()));
    const digest = hashFiles?.get(key);
    if (digest === undefined) throw new Error(`hashFiles(${key.slice(1, -1)}) was not computed for this step`);
    return new data.StringData(digest);
  });
  return functions;
}
