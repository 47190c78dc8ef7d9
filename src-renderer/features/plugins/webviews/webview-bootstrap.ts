/**
 * The script of a plugin's webview page (inlined into plugin-webview.html). It waits for the HTML
 * from its parent and writes it into itself, after the workbench theme's defaults (which the HTML
 * may override) and behind a guard that lets through only messages from the parent (not from other
 * frames of the workbench). The page's CSP allows inline scripts and styles and `data:` images, and
 * no network.
 */
const guard = `<script>addEventListener('message', (event) => { if (event.source !== parent) event.stopImmediatePropagation(); }, true);</script>`;

window.addEventListener('message', function load(event: MessageEvent<{ kind?: string; html?: unknown; themeCss?: unknown } | null>) {
  const data = event.data;
  if (event.source !== window.parent || data?.kind !== 'html' || typeof data.html !== 'string' || typeof data.themeCss !== 'string') return;
  window.removeEventListener('message', load);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(data.html)?.[0] ?? '<!doctype html>';
  const body = data.html.startsWith(doctype) ? data.html.slice(doctype.length) : data.html;
  document.open();
  document.write(`${doctype}${guard}<style>${data.themeCss}</style>${body}`);
  document.close();
});

window.parent.postMessage({ kind: 'ready' }, '*');
