import { describe, expect, it } from 'vitest';
import { addChips, attachmentsFor, chipLabel, inlineChipText, maxAttachments, type ContextChip } from '../../../../src-renderer/features/ai-chat/context-chips';

describe('context chips', () => {
  it('map to the attachments the host reads: files and folders by path, text it cannot read as text', () => {
    const chips: ContextChip[] = [
      { kind: 'file', path: 'src/main.rs' },
      { kind: 'folder', path: 'src' },
      { kind: 'selection', path: 'src/lib.rs', startLine: 3, endLine: 7, text: 'fn a() {}' },
      { kind: 'unsaved-file', path: 'README.md', text: '# Draft' },
      { kind: 'terminal', name: 'bash', text: 'error[E0308]' },
    ];
    expect(attachmentsFor(chips)).toEqual([
      { kind: 'file', path: 'src/main.rs' },
      { kind: 'folder', path: 'src' },
      { kind: 'text', label: 'src/lib.rs:3-7', text: 'fn a() {}' },
      { kind: 'text', label: 'README.md (unsaved)', text: '# Draft' },
      { kind: 'text', label: 'Terminal output (bash)', text: 'error[E0308]' },
    ]);
  });

  it('send a file once, its unsaved buffer standing for it', () => {
    const chips: ContextChip[] = [
      { kind: 'unsaved-file', path: 'a.ts', text: 'x' },
      { kind: 'file', path: 'a.ts' },
      { kind: 'file', path: 'b.ts' },
      { kind: 'file', path: 'b.ts' },
    ];
    expect(attachmentsFor(chips)).toEqual([
      { kind: 'text', label: 'a.ts (unsaved)', text: 'x' },
      { kind: 'file', path: 'b.ts' },
    ]);
    expect(addChips([{ kind: 'file', path: 'b.ts' }], chips).map(chipLabel)).toEqual(['b.ts', 'a.ts']);
  });

  it('stay within the contract: at most 50 attachments, labels of at most 200 characters keeping the file name', () => {
    const many = Array.from({ length: 60 }, (_, index): ContextChip => ({ kind: 'file', path: `f${String(index)}.rs` }));
    expect(attachmentsFor(many)).toHaveLength(maxAttachments);
    const long = `${'deep/'.repeat(60)}name.rs`;
    const [attachment] = attachmentsFor([{ kind: 'selection', path: long, startLine: 1, endLine: 1, text: 'x' }]);
    expect(attachment?.kind === 'text' && attachment.label.length).toBe(200);
    expect(attachment?.kind === 'text' && attachment.label.endsWith('name.rs:1')).toBe(true);
  });

  it('name themselves as the composer shows them', () => {
    expect(chipLabel({ kind: 'selection', path: 'src/lib.rs', startLine: 4, endLine: 4, text: '' })).toBe('lib.rs:4');
    expect(chipLabel({ kind: 'folder', path: 'crates/core' })).toBe('core/');
    expect(chipLabel({ kind: 'folder', path: '' })).toBe('Workspace folder');
    expect(chipLabel({ kind: 'terminal', name: 'zsh', text: '' })).toBe('Terminal: zsh');
  });

  it('count the text they carry for the token meter', () => {
    expect(inlineChipText([{ kind: 'file', path: 'a' }, { kind: 'terminal', name: 't', text: 'out' }, { kind: 'selection', path: 'b', startLine: 1, endLine: 1, text: 'sel' }])).toBe('out\n\nsel');
  });
});
