import { toLatheErrorData, type AiLineRegion } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { makeParentFolders } from '../../platform/workspace-folders';
import { startAiEdit } from '../ai-edit';
import { notify } from '../notifications';
import { cursorCode, type CursorCode } from './cursor-code';
import { activeTarget, linesText, placeLabel } from './editor-target';
import { functionAt } from './symbols';
import { rustTestsInsertion, testFileFor } from './test-places';

const isScript = (languageId: string): boolean => languageId === 'typescript' || languageId === 'javascript';

async function exists(path: string, kind: 'file' | 'directory'): Promise<boolean> {
  try {
    return (await host().workspace.stat({ path })).kind === kind;
  } catch (error) {
    if (toLatheErrorData(error).code === 'NOT_FOUND') return false;
    throw error;
  }
}

/** The test runner a JavaScript project depends on, read from its package.json; undefined when it names none. */
async function scriptTestRunner(): Promise<string | undefined> {
  const manifest = await host()
    .workspace.readFile({ path: 'package.json' })
    .then(({ content }) => JSON.parse(content) as { dependencies?: object; devDependencies?: object })
    .catch(() => undefined);
  const names = Object.keys({ ...manifest?.dependencies, ...manifest?.devDependencies });
  return ['vitest', 'jest', 'mocha', 'ava'].find((runner) => names.includes(runner));
}

async function frameworkHint(languageId: string): Promise<string> {
  if (languageId === 'python') return 'Use pytest.';
  if (languageId === 'go') return 'Use the standard `testing` package, table-driven where it fits.';
  const runner = await scriptTestRunner();
  return runner ? `Use ${runner}, which the project depends on.` : 'Use the test runner the project already uses; `node:test` when none shows.';
}

/** The test file's region for new tests: all of a new file, or an empty region after the last line of an existing one. */
async function testFileRegion(path: string): Promise<AiLineRegion | undefined> {
  if (await exists(path, 'file')) return undefined;
  await makeParentFolders(path);
  await host().workspace.createFile({ path });
  return { startLine: 1, endLine: 0 };
}

/** Writes unit tests for some code (by default the selection, or the function at the cursor) where the language keeps its tests, as an edit to accept. */
export async function generateTests(subjectCode?: CursorCode): Promise<void> {
  const target = activeTarget('generate tests for its code');
  if (!target) return;
  const { model, path } = target;
  const languageId = model.getLanguageId();
  const { region, name } = subjectCode ?? (await cursorCode(target, functionAt));
  const subject = name ? `\`${name}\`` : `the code at ${placeLabel(path, region)}`;
  const code = `The code to test, from \`${placeLabel(path, region)}\`:\n\n\`\`\`${languageId}\n${linesText(model, region)}\n\`\`\``;
  const title = `Tests for ${name ?? placeLabel(path, region)}`;
  const coverage = 'Cover the usual cases, the edge cases and the errors; keep each test small and name it after what it checks.';
  if (languageId === 'rust') {
    const { region: insertion, inTestsModule } = rustTestsInsertion(model.getLinesContent());
    const where = inTestsModule ? "new `#[test]` functions for the file's `mod tests`" : 'a `#[cfg(test)] mod tests` module (with `use super::*;`) for the end of the file';
    await startAiEdit({ path, region: insertion, context: code, title, instruction: `Write unit tests for ${subject} as ${where}. ${coverage}` });
    return;
  }
  const testPath = testFileFor(path, languageId, isScript(languageId) && (await exists('test', 'directory')));
  if (!testPath) {
    notify({ severity: 'info', message: `Tests can be generated for Rust, TypeScript, JavaScript, Python and Go, whose test files have a known place; not for ${languageId}.` });
    return;
  }
  const testRegion = await testFileRegion(testPath);
  await startAiEdit({
    path: testPath,
    ...(testRegion ? { region: testRegion } : {}),
    context: `${code}\n\nThe tests go in \`${testPath}\`; import what they test from \`${path}\`, relative to it.`,
    title,
    instruction: `Write unit tests for ${subject}${testRegion ? '' : ', added to the tests already in this file (with any imports they need)'}. ${await frameworkHint(languageId)} ${coverage}`,
  });
}
