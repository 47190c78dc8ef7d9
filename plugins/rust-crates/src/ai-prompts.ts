/** What the plugin asks the AI, and how it reads the answers. */

/** Longer files are cut to this many characters in a prompt: a README needs the outline, not every line. */
const maxFileInPrompt = 20_000;

const cut = (text: string): string => (text.length > maxFileInPrompt ? `${text.slice(0, maxFileInPrompt)}\n… (cut)` : text);

/** Asks for the whole entry file of a new crate, written from the user's description. */
export function entryFilePrompt(options: { name: string; kindLabel: string; entryPath: string; cargoToml: string; template: string; description: string }): string {
  return [
    `Write the complete ${options.entryPath} of a new Rust crate named "${options.name}" (${options.kindLabel}).`,
    `What it should do: ${options.description}`,
    '',
    'Its Cargo.toml (use only these dependencies and the standard library):',
    '```toml',
    options.cargoToml.trimEnd(),
    '```',
    '',
    'Start from this file:',
    '```rust',
    options.template.trimEnd(),
    '```',
    '',
    'Answer with the whole file in one ```rust code block and nothing else.',
  ].join('\n');
}

/** Asks for a README.md of a crate from its manifest and its entry file. */
export function readmePrompt(options: { folder: string; cargoToml: string; source: { path: string; text: string } | null }): string {
  const source = options.source ? ['', `Its ${options.source.path}:`, '```rust', cut(options.source.text).trimEnd(), '```'] : [];
  return [
    `Write the README.md of the Rust crate in ${options.folder || 'the workspace root'}.`,
    'Say what it is for, how to build and use it (with an example), and its features, from the code below; invent nothing it does not do.',
    '',
    'Its Cargo.toml:',
    '```toml',
    cut(options.cargoToml).trimEnd(),
    '```',
    ...source,
    '',
    'Answer with the Markdown of the README only.',
  ].join('\n');
}

/** The Rust code of an answer: its first rust (or unlabelled) code block, else the whole answer; ends with one line break. */
export function codeFromAnswer(answer: string): string {
  const block = /```(?:rust|rs)?[ \t]*\r?\n([\s\S]*?)\r?\n?```/.exec(answer);
  return `${(block?.[1] ?? answer).trim()}\n`;
}

/** A Markdown answer without the code fence a model may wrap the whole of it in. */
export function markdownFromAnswer(answer: string): string {
  const wrapped = /^\s*```(?:markdown|md)?[ \t]*\r?\n([\s\S]*?)\r?\n```\s*$/.exec(answer);
  return `${(wrapped?.[1] ?? answer).trim()}\n`;
}
