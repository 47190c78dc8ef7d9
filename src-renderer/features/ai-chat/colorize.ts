import DOMPurify from 'dompurify';
import { currentSetting, useAppStore } from '../../app/store';
import { loadMonaco, monacoTheme, type Monaco } from '../editor';
import { languageForFence } from './code-language';

let themeFollowed = false;

/** Monaco colours tokens through its theme's stylesheet, which must follow the workbench even before any editor opens. */
function followTheme(monaco: Monaco): void {
  if (themeFollowed) return;
  themeFollowed = true;
  monaco.editor.setTheme(monacoTheme(currentSetting('workbench.colorTheme')));
  useAppStore.subscribe((state, previous) => {
    const theme = state.settings.values['workbench.colorTheme'];
    if (theme !== previous.settings.values['workbench.colorTheme']) monaco.editor.setTheme(monacoTheme(theme));
  });
}

/** A code block highlighted by Monaco's own tokenizers, as HTML of token spans; and the language it was read as. */
export async function colorizeCode(code: string, fenceLanguage: string): Promise<{ html: string; languageId: string | undefined }> {
  const monaco = await loadMonaco();
  followTheme(monaco);
  const languageId = languageForFence(fenceLanguage, monaco.languages.getLanguages());
  const html = await monaco.editor.colorize(code, languageId ?? 'plaintext', { tabSize: 4 });
  // Monaco escapes the text itself; only its token spans and line breaks are let through regardless.
  return { html: DOMPurify.sanitize(html, { ALLOWED_TAGS: ['span', 'br'], ALLOWED_ATTR: ['class'] }), languageId };
}
