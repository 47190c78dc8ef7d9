import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pluginHostFramePath, pluginWebviewFramePath } from '../../src-shared/plugin-host-frame';
import { pluginHostContentSecurityPolicy, pluginWebviewContentSecurityPolicy } from './csp';

export interface PluginFramePage {
  html: Buffer;
  csp: string;
}

/**
 * A page the plugin host origin serves (src-shared/plugin-host-frame.ts), from the built renderer,
 * with its CSP: the plugin host frame allows exactly its inline script (by hash); a webview page
 * allows inline code, as the plugin's HTML needs. Undefined for any other path, or a build without it.
 */
export async function readPluginFramePage(rendererDir: string, path: string, frameAncestors: readonly string[]): Promise<PluginFramePage | undefined> {
  if (path !== pluginHostFramePath && path !== pluginWebviewFramePath) return undefined;
  const html = await readFile(join(rendererDir, path)).catch(() => undefined);
  if (!html) return undefined;
  if (path === pluginWebviewFramePath) return { html, csp: pluginWebviewContentSecurityPolicy({ frameAncestors }) };
  const script = /<script>([\s\S]*)<\/script>/.exec(html.toString('utf8'))?.[1];
  if (script === undefined) return undefined;
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  return { html, csp: pluginHostContentSecurityPolicy({ scriptHash, frameAncestors }) };
}
