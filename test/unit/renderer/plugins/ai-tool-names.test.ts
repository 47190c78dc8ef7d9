import { describe, expect, it } from 'vitest';
import { namespacedToolName, toolNameProblem } from '../../../../src-renderer/features/plugins/ai-tool-names';

describe("plugin AI tools' names", () => {
  it('prefix the tool with the plugin id, so two plugins cannot share one', () => {
    expect(namespacedToolName('lathe-tests.ai-tools', 'count_words')).toBe('lathe-tests_ai-tools__count_words');
    // Publishers and plugin names hold no "_": the first two underscores split a full name one way only.
    expect(namespacedToolName('a.b', 'c')).not.toBe(namespacedToolName('a-b.x', 'c'));
    expect(namespacedToolName('a.b', '_c')).not.toBe(namespacedToolName('a.b', 'c'));
  });

  it('accept letters, digits, "_" and "-", up to a full name of 64 characters', () => {
    expect(toolNameProblem('me.tools', 'run-it_2')).toBeNull();
    expect(toolNameProblem('me.tools', 'has space')).toContain('may have only letters, digits');
    expect(toolNameProblem('me.tools', 'dotted.name')).toContain('may have only letters, digits');
    expect(toolNameProblem('me.tools', '')).toContain('may have only letters, digits');
    const longest = 'x'.repeat(64 - 'me_tools__'.length);
    expect(toolNameProblem('me.tools', longest)).toBeNull();
    expect(toolNameProblem('me.tools', `${longest}x`)).toContain('longer than 64 characters');
  });
});
