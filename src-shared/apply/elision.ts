/** Lines a model writes for "unchanged code here": `...`, `// ... existing code ...`, `# ...`, `/* ... *\/`, `<!-- ... -->`. */
const ELISION = /^\s*(?:(?:\/\/|#|--|;|\/\*|<!--|\{\/\*)\s*)?(?:\.\.\.|…)(?:[\w\s]*(?:\.\.\.|…)?)?\s*(?:\*\/|-->|\*\/\})?\s*$/;
const EXISTING_CODE = /^\s*(?:\/\/|#|--|;|\/\*|<!--)\s*(?:\.\.\.\s*)?(?:rest of|existing|unchanged|remaining)\b[\w\s]*(?:\.\.\.)?\s*(?:\*\/|-->)?\s*$/i;

export function isElisionLine(line: string): boolean {
  return ELISION.test(line) || EXISTING_CODE.test(line);
}

/** Search lines cut at elision lines; leading and trailing elisions say nothing and are dropped. */
export function elisionSegments(lines: readonly string[]): string[][] {
  const segments: string[][] = [[]];
  for (const line of lines) {
    if (isElisionLine(line)) segments.push([]);
    else segments.at(-1)?.push(line);
  }
  return segments.filter((segment) => segment.length > 0);
}
