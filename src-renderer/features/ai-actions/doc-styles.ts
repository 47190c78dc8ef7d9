/** How each language documents its code, by Monaco language id: what the model is asked to write. */
const docStyles: Readonly<Record<string, string>> = {
  rust: 'rustdoc `///` comments above the item (Markdown; `# Errors`, `# Panics` and `# Examples` sections where they apply)',
  typescript: 'TSDoc `/** … */` blocks above the declaration, with `@param`, `@returns` and `@throws` where they apply (no types in the tags)',
  javascript: 'JSDoc `/** … */` blocks above the declaration, with `@param {type}`, `@returns {type}` and `@throws` where they apply',
  python: 'PEP 257 docstrings as the first statement of the function, class or module, with Args, Returns and Raises sections where they apply',
  go: 'Go doc comments: `//` lines directly above the declaration, the first sentence starting with its name',
  java: 'Javadoc `/** … */` blocks with `@param`, `@return` and `@throws`',
  kotlin: 'KDoc `/** … */` blocks with `@param`, `@return` and `@throws`',
  csharp: 'XML documentation comments (`/// <summary>`, `<param>`, `<returns>`, `<exception>`)',
  c: 'Doxygen `/** … */` blocks with `@brief`, `@param` and `@return`',
  cpp: 'Doxygen `/** … */` blocks with `@brief`, `@param` and `@return`',
  swift: 'Swift `///` markup comments with `- Parameters:`, `- Returns:` and `- Throws:`',
  ruby: 'YARD comments (`#` lines with `@param`, `@return` and `@raise`)',
  php: 'PHPDoc `/** … */` blocks with `@param`, `@return` and `@throws`',
};

/** The documentation idiom of a language; its usual doc comments when the table does not know it. */
export function docStyle(languageId: string): string {
  return docStyles[languageId] ?? 'the documentation comments this language usually uses';
}
