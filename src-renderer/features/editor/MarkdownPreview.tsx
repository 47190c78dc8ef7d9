import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { openFile } from './actions';
import { getModel } from './models';

/** Markdown to HTML with everything that could run script or reach out removed. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'], FORBID_ATTR: ['style'] });
}

function resolveRelative(from: string, href: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const segment of href.split('#')[0]?.split('/') ?? []) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(decodeURIComponent(segment));
  }
  return parts.join('/');
}

/** The rendered text of a markdown buffer, following its edits as they are typed. */
export function MarkdownPreview({ path }: { path: string }) {
  const [text, setText] = useState(() => getModel(path)?.getValue() ?? '');
  useEffect(() => {
    const model = getModel(path);
    if (!model) return;
    let frame = 0;
    const subscription = model.onDidChangeContent(() => {
      // One render per frame however fast the typing.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setText(model.getValue()));
    });
    return () => {
      cancelAnimationFrame(frame);
      subscription.dispose();
    };
  }, [path]);
  const html = useMemo(() => renderMarkdown(text), [text]);

  const onClick = (event: MouseEvent): void => {
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (!anchor || !href) return;
    if (/^https?:/i.test(href)) {
      // Web links leave the workbench: a new browser tab, or the OS browser in the desktop app.
      event.preventDefault();
      window.open(href, '_blank', 'noopener,noreferrer');
      return;
    }
    event.preventDefault();
    if (href.startsWith('#')) {
      document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      return;
    }
    if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) void openFile(resolveRelative(path, href));
  };

  return (
    // The HTML was sanitized by renderMarkdown.
    <div className="markdown-preview" data-testid="markdown-preview" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
