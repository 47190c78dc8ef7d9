// `npm test`: lint, typecheck, build, unit and end-to-end tests; every step runs, the summary says what failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const run = (label, command, args) =>
  new Promise((resolve) => {
    console.log(`\n── ${label} ──`);
    const started = Date.now();
    spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } }).on('exit', (code) => {
      resolve({ label, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    });
  });

const vitest = async (project) => {
  const report = join(resultsDir, `${project}.json`);
  const step = await run(`${project} tests`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : {};
  return { ...step, passed: counts.numPassedTests ?? 0, failed: counts.numFailedTests ?? (step.ok ? 0 : 1), skipped: (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0) };
};

const steps = [];
steps.push(await run('lint', bin('eslint'), ['--max-warnings', '0', '.']));
steps.push(await run('typecheck', 'npm', ['run', '--silent', 'typecheck']));
const build = await run('build', process.execPath, [join(root, 'build', 'build.mjs')]);
steps.push(build);
steps.push(await vitest('unit'));
steps.push(build.ok ? await vitest('e2e') : { label: 'e2e tests', ok: false, passed: 0, failed: 1, skipped: 0, seconds: '0' });

console.log('\n── summary ──');
for (const step of steps) {
  const counts = step.passed === undefined ? '' : ` (${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped)`;
  console.log(`${step.ok ? 'ok  ' : 'FAIL'} ${step.label}${counts} ${step.seconds} s`);
}
const tests = steps.filter((step) => step.passed !== undefined);
const passed = tests.reduce((sum, step) => sum + step.passed, 0);
const failed = tests.reduce((sum, step) => sum + step.failed, 0) + steps.filter((step) => !step.ok && step.passed === undefined).length;
const skipped = tests.reduce((sum, step) => sum + step.skipped, 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(steps.every((step) => step.ok) ? 0 : 1);
