/** A run of text in one style: the classes name `ansi-fg-<0..15>`, `ansi-bg-<0..15>` and `ansi-bold`. */
export interface AnsiSegment {
  text: string;
  className: string;
}

interface Style {
  foreground: number | null;
  background: number | null;
  bold: boolean;
}

// CSI sequences: SGR (`m`) is styled, any other (cursor moves, erases) is dropped.
const csi = /\x1b\[([0-9;]*)([A-Za-z])/g;

function applySgr(style: Style, parameters: string): Style {
  const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
  let next = { ...style };
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] ?? 0;
    if (code === 0) next = { foreground: null, background: null, bold: false };
    else if (code === 1) next.bold = true;
    else if (code === 22) next.bold = false;
    else if (code >= 30 && code <= 37) next.foreground = code - 30;
    else if (code >= 90 && code <= 97) next.foreground = code - 90 + 8;
    else if (code === 39) next.foreground = null;
    else if (code >= 40 && code <= 47) next.background = code - 40;
    else if (code >= 100 && code <= 107) next.background = code - 100 + 8;
    else if (code === 49) next.background = null;
    // 256-colour and true-colour forms carry their own arguments, skipped here.
    else if (code === 38 || code === 48) index += codes[index + 1] === 5 ? 2 : 4;
  }
  return next;
}

function classOf(style: Style): string {
  const classes: string[] = [];
  if (style.foreground !== null) classes.push(`ansi-fg-${String(style.foreground)}`);
  if (style.background !== null) classes.push(`ansi-bg-${String(style.background)}`);
  if (style.bold) classes.push('ansi-bold');
  return classes.join(' ');
}

/** Splits a log line with ANSI escapes into styled segments (the 16 basic colours and bold). */
export function parseAnsi(line: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style: Style = { foreground: null, background: null, bold: false };
  let last = 0;
  const push = (text: string) => {
    if (text !== '') segments.push({ text, className: classOf(style) });
  };
  for (const match of line.matchAll(csi)) {
    push(line.slice(last, match.index));
    if (match[2] === 'm') style = applySgr(style, match[1] ?? '');
    last = match.index + match[0].length;
  }
  push(line.slice(last));
  return segments;
}

/** The line as plain text, for filtering. */
export function stripAnsi(line: string): string {
  return line.replace(csi, '');
}
