/**
 * Evaluates a manifest's `when` clause against a few context keys (`view == todo-tree.todos`):
 * `||` of `&&` of terms, each `key`, `!key`, `key == value` or `key != value`. An unknown key is
 * unset, so a clause the workbench cannot read hides its entry rather than showing it everywhere.
 */
export function matchesWhen(when: string | undefined, context: Readonly<Record<string, string | boolean | undefined>>): boolean {
  if (when === undefined || when.trim() === '') return true;
  return when.split('||').some((alternative) =>
    alternative.split('&&').every((term) => {
      const text = term.trim();
      const comparison = /^([\w.:-]+)\s*(==|!=)\s*'?([^']*?)'?$/.exec(text);
      if (comparison) {
        const [, key = '', operator, value] = comparison;
        const actual = context[key];
        const equal = actual !== undefined && String(actual) === value;
        return operator === '==' ? equal : !equal;
      }
      if (text.startsWith('!')) return !context[text.slice(1).trim()];
      return Boolean(context[text]);
    }),
  );
}
