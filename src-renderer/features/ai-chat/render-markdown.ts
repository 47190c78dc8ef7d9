import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * An answer's markdown as HTML with everything that could run script, submit or reach out removed.
 * Images go too: a model can be talked into writing an image URL that carries the conversation away.
 */
export function renderChatMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'img', 'picture', 'video', 'audio', 'source', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'srcset'],
  });
}
