/** A piece of an answer: markdown to render as HTML, or a fenced code block with its own toolbar. */
export type ChatBlock =
  | { kind: 'markdown'; text: string }
  | {
      kind: 'code';
      /** The fence's info string up to the first space (`ts`, `rust`, `{.python}`), as the model wrote it. */
      language: string;
      code: string;
      /** False while the closing fence has not arrived yet. */
      complete: boolean;
    };

interface OpenFence {
  char: '`' | '~';
  length: number;
  indent: number;
  language: string;
  lines: string[];
}

const openingFence = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function openFence(line: string): OpenFence | undefined {
  const match = openingFence.exec(line);
  if (!match) return undefined;
  const marker = match[2] ?? '';
  const info = (match[3] ?? '').trim();
  const char = marker.charAt(0) as '`' | '~';
  // A backtick fence's info string may not hold a backtick (that is inline code such as ```a``` ).
  if (char === '`' && info.includes('`')) return undefined;
  return { char, length: marker.length, indent: (match[1] ?? '').length, language: info.split(/\s+/)[0] ?? '', lines: [] };
}

function closesFence(line: string, fence: OpenFence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  const marker = match?.[1];
  return marker !== undefined && marker.charAt(0) === fence.char && marker.length >= fence.length;
}

/** A streamed line that may still become a fence once more of it arrives; it is held back until it ends. */
const possibleFence = /^ {0,3}(`{1,}|~{1,})[^`]*$/;

/**
 * Splits markdown into top-level fenced code blocks and the markdown between them, so that while an
 * answer streams only the last block changes (the blocks before it keep their rendering) and every
 * code block, even one still open, gets its highlighting and actions. Fences nested deeper than three
 * spaces (inside list items) stay part of the markdown.
 */
export function splitMarkdownBlocks(source: string, streaming: boolean): ChatBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  // Without a final newline the last line may be cut mid-way; a partial fence marker is not shown yet.
  if (streaming && lines.length > 0 && possibleFence.test(lines[lines.length - 1] ?? '')) lines.pop();
  const blocks: ChatBlock[] = [];
  let markdown: string[] = [];
  let fence: OpenFence | undefined;
  const flushMarkdown = (): void => {
    const text = markdown.join('\n');
    if (text.trim() !== '') blocks.push({ kind: 'markdown', text });
    markdown = [];
  };
  for (const line of lines) {
    if (fence) {
      if (closesFence(line, fence)) {
        blocks.push({ kind: 'code', language: fence.language, code: fence.lines.join('\n'), complete: true });
        fence = undefined;
      } else {
        // Content lines lose up to as many leading spaces as the opening fence had.
        fence.lines.push(line.replace(new RegExp(`^ {0,${String(fence.indent)}}`), ''));
      }
      continue;
    }
    const opened = openFence(line);
    if (opened) {
      flushMarkdown();
      fence = opened;
    } else {
      markdown.push(line);
    }
  }
  if (fence) blocks.push({ kind: 'code', language: fence.language, code: fence.lines.join('\n'), complete: false });
  else flushMarkdown();
  return blocks;
}
