import { describe, expect, it } from 'vitest';
import { afterConsent, needsConsent, toolErrorText } from '../../../../src-renderer/features/ai-chat/tool-consent';

describe('consent to plugin tool calls', () => {
  it('asks for every call unless the user chose "Always" for that very tool', () => {
    expect(needsConsent([], 'a_b__count')).toBe(true);
    expect(needsConsent(['a_b__count'], 'a_b__count')).toBe(false);
    expect(needsConsent(['a_b__count'], 'a_b__delete')).toBe(true);
    expect(needsConsent(['a_b__count'], 'x_y__count')).toBe(true);
  });

  it('remembers "Always" only, once per tool', () => {
    expect(afterConsent([], 't', 'once')).toEqual([]);
    expect(afterConsent([], 't', 'deny')).toEqual([]);
    expect(afterConsent(['s'], 't', 'always')).toEqual(['s', 't']);
    expect(afterConsent(['t'], 't', 'always')).toEqual(['t']);
  });

  it('tells the model which tool did not answer, and why', () => {
    expect(toolErrorText('a_b__count', 'the user denied this call.')).toBe('Error (tool a_b__count): the user denied this call.');
  });
});
