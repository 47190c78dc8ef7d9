import { afterEach, describe, expect, it } from 'vitest';
import { planAnswer } from '../../../../src-main/services/ai/plan-answer';
import { workerPlanner, type EditPlanner } from '../../../../src-main/services/ai/edit-planner';
import { buildHelperScript } from '../../helpers/build-helper-script';

const original = Array.from({ length: 20_000 }, (_, index) => `const value${String(index)} = ${String(index)};`).join('\n') + '\n';
const refusedAnswer = ['<<<<<<< SEARCH', 'const missing = true;', '=======', 'const found = true;', '>>>>>>> REPLACE'].join('\n');
const appliedAnswer = ['<<<<<<< SEARCH', 'const value7 = 7;', '=======', 'const value7 = 70;', '>>>>>>> REPLACE'].join('\n');

describe('the worker planner', () => {
  let planner: EditPlanner | undefined;
  afterEach(async () => planner?.dispose());

  it('plans in a worker thread exactly as on the calling thread', async () => {
    planner = workerPlanner(await buildHelperScript('src-main/services/ai/plan-worker.ts', 'esm'));
    const request = { text: original, answer: appliedAnswer, target: { path: 'values.ts' } };
    expect(await planner.plan(request)).toEqual(planAnswer(request));
  });

  it('keeps the calling thread free while a refused block is scanned for its closest text', async () => {
    planner = workerPlanner(await buildHelperScript('src-main/services/ai/plan-worker.ts', 'esm'));
    await planner.plan({ text: 'warm up\n', answer: appliedAnswer, target: { path: 'values.ts' } });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const edit = await planner.plan({ text: original, answer: refusedAnswer, target: { path: 'values.ts' } });
    clearInterval(timer);
    expect(edit.refusals.map((refusal) => refusal.reason)).toEqual(['not-found']);
    // The scan takes hundreds of milliseconds; timers kept firing meanwhile.
    expect(ticks).toBeGreaterThan(5);
  });

  it('fails the plan with the reason when the worker cannot start, and starts a new one for the next', async () => {
    planner = workerPlanner('/nonexistent/plan-worker.mjs');
    await expect(planner.plan({ text: 'a\n', answer: appliedAnswer, target: { path: 'a.ts' } })).rejects.toThrow(/Cannot find module|plan-worker/);
    await expect(planner.plan({ text: 'a\n', answer: appliedAnswer, target: { path: 'a.ts' } })).rejects.toThrow();
  });
});
