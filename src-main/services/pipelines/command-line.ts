/**
 * Splits a command line into arguments at spaces outside quotes, dropping the quotes. Double quotes
 * always group; single quotes group only when `singleQuotes` (GitHub's pwsh template keeps them, for pwsh).
 */
export function splitCommandLine(line: string, { singleQuotes }: { singleQuotes: boolean }): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const character of line) {
    if (quote) {
      if (character === quote) quote = undefined;
      else current += character;
    } else if (character === '"' || (singleQuotes && character === "'")) {
      quote = character;
      started = true;
    } else if (character === ' ') {
      if (started) parts.push(current);
      current = '';
      started = false;
    } else {
      current += character;
      started = true;
    }
  }
  if (started) parts.push(current);
  return parts;
}
