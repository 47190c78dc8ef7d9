import { useEffect, useRef, useState } from 'react';
import { colorizeCode } from './colorize';

/** While a block streams it is coloured again at most this often. */
const streamingIntervalMs = 150;

export interface ColorizedCode {
  /** Token spans of the coloured lines (each ends with a line break). */
  html: string;
  /** The text after them, not coloured yet: the lines that arrived since, shown plain. */
  rest: string;
  languageId: string | undefined;
}

/**
 * Monaco's colouring of a code block. While the block streams only whole lines are coloured (a cut
 * line would tokenize wrongly), throttled, and what arrived since shows plain after them.
 */
export function useColorizedCode(code: string, fenceLanguage: string, complete: boolean): ColorizedCode | null {
  const [colored, setColored] = useState<{ source: string; html: string; languageId: string | undefined } | null>(null);
  const lastRun = useRef(0);
  const source = complete ? code : code.slice(0, Math.max(0, code.lastIndexOf('\n')));
  useEffect(() => {
    if (source === '') return;
    let cancelled = false;
    const wait = complete ? 0 : Math.max(0, lastRun.current + streamingIntervalMs - performance.now());
    const timer = setTimeout(() => {
      lastRun.current = performance.now();
      colorizeCode(source, fenceLanguage).then(
        (result) => {
          if (!cancelled) setColored({ source, ...result });
        },
        () => undefined,
      );
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [source, fenceLanguage, complete]);
  if (!colored || !code.startsWith(colored.source)) return null;
  if (colored.source.length === code.length) return { html: colored.html, rest: '', languageId: colored.languageId };
  // The coloured part ended a line: the rest starts after that line's break.
  if (code.charAt(colored.source.length) !== '\n') return null;
  return { html: colored.html, rest: code.slice(colored.source.length + 1), languageId: colored.languageId };
}
