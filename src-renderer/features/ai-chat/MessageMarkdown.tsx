import { memo, useMemo, type MouseEvent } from 'react';
import { openFile } from '../editor';
import { CodeBlock } from './CodeBlock';
import { splitMarkdownBlocks } from './markdown-blocks';
import { renderChatMarkdown } from './render-markdown';

/** Web links open outside the workbench; a relative link names a workspace file and opens it in the editor. */
function followLink(event: MouseEvent): void {
  const anchor = (event.target as HTMLElement).closest('a');
  const href = anchor?.getAttribute('href');
  if (!anchor || !href) return;
  event.preventDefault();
  if (/^https?:/i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#')) void openFile(decodeURIComponent(href.replace(/^\.?\//, '').split('#')[0] ?? ''));
}

/** Blocks keep their rendering while later ones stream in: only the one whose text changed renders again. */
const MarkdownHtml = memo(function MarkdownHtml({ text }: { text: string }) {
  const html = useMemo(() => renderChatMarkdown(text), [text]);
  // The HTML was sanitized by renderChatMarkdown.
  return <div className="chat-markdown" onClick={followLink} dangerouslySetInnerHTML={{ __html: html }} />;
});

/** An answer's text: markdown, with its fenced code blocks drawn as code blocks with actions. */
export const MessageMarkdown = memo(function MessageMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const blocks = useMemo(() => splitMarkdownBlocks(text, streaming), [text, streaming]);
  return (
    <div className="chat-answer-body">
      {blocks.map((block, index) =>
        block.kind === 'code' ? <CodeBlock key={index} language={block.language} code={block.code} complete={block.complete || !streaming} /> : <MarkdownHtml key={index} text={block.text} />,
      )}
      {streaming ? <span className="chat-cursor" aria-hidden="true" /> : null}
    </div>
  );
});
