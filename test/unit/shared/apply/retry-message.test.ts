import { describe, expect, it } from 'vitest';
import { planEdit, retryMessage } from '../../../../src-shared/apply/index.js';

describe('retryMessage', () => {
  const original = 'const limit = 10;\nconst name = "x";\n';
  const answer = ['<<<<<<< SEARCH', 'const limit = 12;', 'const label = "y";', '=======', 'const limit = 20;', '>>>>>>> REPLACE'].join('\n');
  const edit = planEdit(original, answer);

  it('names the refused block, its reason, its search and the closest text', () => {
    const message = retryMessage(edit, 0) ?? '';
    expect(message).toContain('1 edit block(s) could not be applied.');
    expect(message).toContain('Block 1 (not-found)');
    expect(message).toContain('const limit = 12;');
    expect(message).toMatch(/Closest text, lines 1-2 \(\d+% similar\):\n```\nconst limit = 10;\nconst name = "x";\n```/);
  });

  it('allows one retry and none when nothing was refused', () => {
    expect(retryMessage(edit, 1)).toBeUndefined();
    expect(retryMessage(planEdit(original, answer.replace('12', '10').replace('label = "y"', 'name = "x"')), 0)).toBeUndefined();
  });
});
