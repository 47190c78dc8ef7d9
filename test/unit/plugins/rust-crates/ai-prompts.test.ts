import { describe, expect, it } from 'vitest';
import { codeFromAnswer, entryFilePrompt, markdownFromAnswer, readmePrompt } from '../../../../plugins/rust-crates/src/ai-prompts';

describe('what the AI is asked', () => {
  it('for an entry file: the description, the manifest and the template, and the form of the answer', () => {
    const prompt = entryFilePrompt({
      name: 'wc',
      kindLabel: 'Command-line tool',
      entryPath: 'src/main.rs',
      cargoToml: '[package]\nname = "wc"\n',
      template: 'fn main() {}\n',
      description: 'count the lines of files',
    });
    expect(prompt).toContain('Write the complete src/main.rs of a new Rust crate named "wc" (Command-line tool).');
    expect(prompt).toContain('What it should do: count the lines of files');
    expect(prompt).toContain('```toml\n[package]\nname = "wc"\n```');
    expect(prompt).toContain('```rust\nfn main() {}\n```');
    expect(prompt).toContain('one ```rust code block');
  });

  it('for a README: the manifest and the code, cut when long', () => {
    const prompt = readmePrompt({ folder: 'crates/core', cargoToml: '[package]\nname = "core"\n', source: { path: 'src/lib.rs', text: `${'x'.repeat(30_000)}` } });
    expect(prompt).toContain('Write the README.md of the Rust crate in crates/core.');
    expect(prompt).toContain('Its src/lib.rs:');
    expect(prompt).toContain('… (cut)');
    expect(prompt.length).toBeLessThan(21_000);
    expect(readmePrompt({ folder: '', cargoToml: '', source: null })).toContain('in the workspace root.');
  });
});

describe('reading the answers', () => {
  it('takes the code of the first rust block, or the whole answer when it has none', () => {
    expect(codeFromAnswer('Here it is:\n```rust\nfn main() {\n    println!("hi");\n}\n```\nEnjoy.')).toBe('fn main() {\n    println!("hi");\n}\n');
    expect(codeFromAnswer('```\nfn main() {}\n```')).toBe('fn main() {}\n');
    expect(codeFromAnswer('fn main() {}')).toBe('fn main() {}\n');
  });

  it('unwraps a README the model fenced as a whole, and leaves the fences inside it', () => {
    expect(markdownFromAnswer('```markdown\n# core\n\n```sh\ncargo add core\n```\n```')).toBe('# core\n\n```sh\ncargo add core\n```\n');
    expect(markdownFromAnswer('# core\n\nUse it.\n\n```rust\nuse core;\n```')).toBe('# core\n\nUse it.\n\n```rust\nuse core;\n```\n');
  });
});
