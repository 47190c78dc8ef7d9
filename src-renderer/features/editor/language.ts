import type { Monaco } from './monaco-loader';

export interface Language {
  id: string;
  /** What the status bar shows, e.g. "Rust". */
  name: string;
}

/** The language Monaco registered for a file name: exact file names first, then the longest extension. */
export function languageForPath(monaco: Monaco, path: string): Language {
  const fileName = (path.split('/').pop() ?? path).toLowerCase();
  let best: { id: string; name: string; length: number } | undefined;
  for (const language of monaco.languages.getLanguages()) {
    const name = language.aliases?.[0] ?? language.id;
    if (language.filenames?.some((candidate) => candidate.toLowerCase() === fileName)) return { id: language.id, name };
    for (const extension of language.extensions ?? []) {
      const lower = extension.toLowerCase();
      if (fileName.endsWith(lower) && lower.length > (best?.length ?? 0)) best = { id: language.id, name, length: lower.length };
    }
  }
  return best ? { id: best.id, name: best.name } : { id: 'plaintext', name: 'Plain Text' };
}
