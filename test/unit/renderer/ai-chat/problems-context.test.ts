import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../src-shared/contract';
import { attachmentsFor } from '../../../../src-renderer/features/ai-chat/context-chips';
import { problemsText } from '../../../../src-renderer/features/ai-chat/problems-context';

const at = (line: number, column: number, severity: Diagnostic['severity'], message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  range: { start: { line, column }, end: { line, column: column + 1 } },
  severity,
  message,
  ...extra,
});

describe('problems as chat context', () => {
  it('are compiler-style lines, errors first, without hints', () => {
    const { text, count } = problemsText({
      'rust-analyzer': {
        'src/main.rs': [at(9, 5, 'warning', 'unused variable: `x`', { source: 'rustc', code: 'unused_variables' }), at(4, 18, 'error', 'mismatched types', { source: 'rustc', code: 'E0308' })],
        'src/lib.rs': [at(1, 1, 'hint', 'consider a doc comment')],
      },
      cargo: { 'src/lib.rs': [at(2, 3, 'error', 'cannot find value `y`')] },
    });
    expect(count).toBe(3);
    expect(text.split('\n')).toEqual([
      'src/lib.rs:2:3: error: cannot find value `y` [cargo]',
      'src/main.rs:4:18: error: mismatched types [rustc E0308]',
      'src/main.rs:9:5: warning: unused variable: `x` [rustc unused_variables]',
    ]);
    expect(attachmentsFor([{ kind: 'problems', count, text }])).toEqual([{ kind: 'text', label: 'Problems', text }]);
  });

  it('stop at 200 lines and say how many more there were', () => {
    const many = Array.from({ length: 250 }, (_, index) => at(index + 1, 1, 'warning', `w${String(index)}`));
    const { text, count } = problemsText({ ts: { 'a.ts': many } });
    expect(count).toBe(250);
    expect(text.split('\n')).toHaveLength(201);
    expect(text.endsWith('… and 50 more')).toBe(true);
  });
});
