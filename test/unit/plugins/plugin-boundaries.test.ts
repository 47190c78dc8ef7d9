import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..', '..') });

const ruleIdsFor = async (filePath: string, text: string): Promise<string[]> => {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
};

describe("a plugin's imports", () => {
  it.each([
    ["import { readFile } from 'node:fs';\nexport const probe = readFile;\n", 'no-restricted-imports'],
    ["import { normalizeTags } from '../../todo-tree/src/tags';\nexport const probe = normalizeTags;\n", 'boundaries/dependencies'],
    ["import { LATHE_API_VERSION } from '../../../src-shared/plugins/api-version';\nexport const probe = LATHE_API_VERSION;\n", 'boundaries/dependencies'],
    ["import { createApi } from '../../api/runtime/create-api';\nexport const probe = createApi;\n", 'boundaries/dependencies'],
  ])('%s fails lint with %s', async (text, rule) => {
    expect(await ruleIdsFor('plugins/word-count/src/probe.ts', text)).toContain(rule);
  });

  it("are 'lathe' and the plugin's own modules", async () => {
    const text = "import * as lathe from 'lathe';\nimport { countWords } from './markdown-words';\nexport const probe = [lathe, countWords];\n";
    expect(await ruleIdsFor('plugins/word-count/src/probe.ts', text)).toEqual([]);
  });
});
