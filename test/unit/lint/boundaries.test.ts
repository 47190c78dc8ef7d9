import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..', '..') });

const ruleIdsFor = async (filePath: string, text: string): Promise<string[]> => {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
};

/** Each forbidden import of the architecture map, written where it is forbidden: lint must fail. */
const forbidden: [string, string, string][] = [
  ['src-shared/contract/probe.ts', "import { readFile } from 'node:fs';\nexport const probe = readFile;\n", 'no-restricted-imports'],
  ['src-shared/contract/probe.ts', "import { createHost } from '../../src-main/host';\nexport const probe = createHost;\n", 'boundaries/dependencies'],
  ['src-main/services/secrets/probe.ts', "import { WorkspaceService } from '../workspace';\nexport const probe = WorkspaceService;\n", 'boundaries/dependencies'],
  ['src-main/services/workspace/probe.ts', "import { createHost } from '../../host';\nexport const probe = createHost;\n", 'boundaries/dependencies'],
  ['src-main/host/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n", 'no-restricted-imports'],
  ['src-main/server/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n", 'no-restricted-imports'],
  ['src-renderer/platform/probe.ts', "import { createHost } from '../../src-main/host';\nexport const probe = createHost;\n", 'boundaries/dependencies'],
  ['src-renderer/platform/probe.ts', "import { readFile } from 'fs';\nexport const probe = readFile;\n", 'no-restricted-imports'],
  ['src-preload/probe.ts', "import { spawn } from 'node:child_process';\nexport const probe = spawn;\n", 'no-restricted-imports'],
];

const allowed: [string, string][] = [
  ['src-main/services/secrets/probe.ts', "import { writeFileAtomic } from '../../lib/atomic-write';\nimport { LatheError } from '../../../src-shared/contract';\nexport const probe = [writeFileAtomic, LatheError];\n"],
  ['src-main/services/workspace/probe.ts', "import { PathGuard } from './path-guard';\nexport const probe = PathGuard;\n"],
  ['src-main/host/probe.ts', "import { WorkspaceService } from '../services/workspace';\nexport const probe = WorkspaceService;\n"],
  ['src-renderer/platform/probe.ts', "import { contract } from '../../src-shared/contract';\nexport const probe = contract;\n"],
];

describe('architecture boundaries are enforced by lint', () => {
  it.each(forbidden)('%s: %s fails with %s', async (filePath, text, rule) => {
    expect(await ruleIdsFor(filePath, text)).toContain(rule);
  });

  it.each(allowed)('%s: %s is allowed', async (filePath, text) => {
    expect(await ruleIdsFor(filePath, text)).toEqual([]);
  });
});
