import { describe, expect, it } from 'vitest';
import { createAiTools, toolResultText } from '../../../plugins/api/runtime/ai-tools';
import type { Workbench } from '../../../plugins/api/runtime/connection';
import type { RuntimeContext } from '../../../plugins/api/runtime/context';
import { maxAiToolResultChars } from '../../../plugins/api/runtime/protocol';

describe('AI tool results', () => {
  it('keeps a string as it is and sends anything else as JSON', () => {
    expect(toolResultText('three words')).toBe('three words');
    expect(toolResultText({ words: 3, list: ['a'] })).toBe('{"words":3,"list":["a"]}');
    expect(toolResultText(42)).toBe('42');
    expect(toolResultText(undefined)).toBe('');
  });

  it('cuts a long result to the cap and says so', () => {
    const text = toolResultText('x'.repeat(maxAiToolResultChars * 2));
    expect(text).toHaveLength(maxAiToolResultChars);
    expect(text).toMatch(/^x+\n\[cut: the result had 200000 characters, only the first ones are shown\]$/);
    expect(toolResultText('y'.repeat(maxAiToolResultChars))).toBe('y'.repeat(maxAiToolResultChars));
  });

  it('fails a result that cannot be JSON', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toolResultText(cycle)).toThrow(/circular/);
  });
});

describe('lathe.ai.registerTool in the runtime', () => {
  const registered: unknown[] = [];
  const context: RuntimeContext = {
    pluginId: 'me.tools',
    workbench: {
      registerAiTool: async (tool: unknown) => void registered.push(tool),
      unregisterAiTool: async () => undefined,
    } as unknown as Workbench,
  };

  it('runs the handler with the arguments and a token the workbench cancels', async () => {
    const tools = createAiTools(context);
    let release: () => void = () => undefined;
    const heard: string[] = [];
    tools.registerTool({ name: 'wait', description: 'Waits.' }, (args, token) => {
      token.onCancellationRequested(() => heard.push(`cancelled ${String(token.isCancellationRequested)}`));
      return new Promise((resolve) => (release = () => resolve({ got: args })));
    });
    expect(registered.at(-1)).toEqual({ name: 'wait', description: 'Waits.', parameters: { type: 'object', properties: {} } });
    const result = tools.run('wait', { n: 1 }, 'c1');
    tools.cancel('c1');
    expect(heard).toEqual(['cancelled true']);
    release();
    expect(await result).toBe('{"got":{"n":1}}');
  });

  it('refuses a tool it has not registered, and a second registration of one it has', async () => {
    const tools = createAiTools(context);
    const registration = tools.registerTool({ name: 'once' }, async () => 'ok');
    expect(() => tools.registerTool({ name: 'once' }, async () => 'again')).toThrow('The AI tool once is already registered');
    registration.dispose();
    await expect(tools.run('once', {}, 'c2')).rejects.toThrow('The plugin me.tools has not registered the AI tool once');
  });
});
