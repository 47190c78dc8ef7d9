const COMMENT_OPEN = String.raw`(?:\/\/|#|--|;|\/\*|<!--|\{\/\*)`;
const COMMENT_CLOSE = String.raw`(?:\*\/|-->|\*\/\})?`;
const DOTS = '(?:\\.\\.\\.|…)';
/** `// ...`, `# ... existing code ...`, `<!-- ... -->`, `/* ... *\/`: dots in a comment (JSX's braces around one too). */
const COMMENTED_DOTS = new RegExp(String.raw`^\s*${COMMENT_OPEN}\s*${DOTS}[\w\s]*${DOTS}?\s*${COMMENT_CLOSE}\s*$`);
/**
 * `...`, `... existing code ...`, `...existing code...` without a comment; `...rest` is left alone, since a spread
 * argument on its own line reads the same.
 */
const BARE_DOTS = new RegExp(String.raw`^\s*${DOTS}(?:\s[\w\s]*${DOTS}?|[\w\s]*${DOTS})?\s*$`);
/** `// existing code`, `# rest unchanged`, `// rest of the file stays the same`, `# ... remaining methods`. */
const EXISTING_CODE = new RegExp(
  String.raw`^\s*${COMMENT_OPEN}\s*(?:${DOTS}\s*)?(?:(?:the\s+)?rest\s+(?:of|unchanged|is|stays|remains)\b|existing|unchanged|remaining)\b[\w\s]*${DOTS}?\s*${COMMENT_CLOSE}\s*$`,
  'i',
);
/** A lone `...`: also the body Python writes for a stub, so only an elision where nothing else is meant. */
const LONE_DOTS = new RegExp(String.raw`^\s*${DOTS}\s*$`);

/** Lines a model writes for "unchanged code here". */
export function isElisionLine(line: string): boolean {
  return COMMENTED_DOTS.test(line) || BARE_DOTS.test(line) || EXISTING_CODE.test(line);
}

/** An elision that cannot be code in any language: every elision but a lone `...`. */
export function isUnmistakableElision(line: string): boolean {
  return isElisionLine(line) && !LONE_DOTS.test(line);
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
