/** What Monaco says about a language (`monaco.languages.getLanguages()`), as far as naming goes. */
export interface LanguageNames {
  id: string;
  aliases?: string[];
  extensions?: string[];
}

/** Monaco's language for a code fence's tag (`ts`, `Rust`, `{.python}`, `sh`); undefined when none matches. */
export function languageForFence(tag: string, languages: readonly LanguageNames[]): string | undefined {
  const name = tag.replace(/^\{\.?|\}$/g, '').toLowerCase();
  if (name === '') return undefined;
  return (
    languages.find((language) => language.id === name)?.id ??
    languages.find((language) => language.aliases?.some((alias) => alias.toLowerCase() === name))?.id ??
    languages.find((language) => language.extensions?.some((extension) => extension.toLowerCase() === `.${name}`))?.id
  );
}

/** The usual file extension of a language (without the dot), for naming a new file; `txt` when unknown. */
export function extensionForLanguage(languageId: string | undefined, languages: readonly LanguageNames[]): string {
  const extension = languages.find((language) => language.id === languageId)?.extensions?.[0];
  return extension ? extension.replace(/^\./, '') : 'txt';
}
