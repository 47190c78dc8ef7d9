import { Worker } from 'node:worker_threads';
import { createBirpc, type BirpcReturn } from 'birpc';
import type { PendingEdit } from '../../../src-shared/apply';
import { helperScriptPath } from '../../lib/helper-process';
import { planAnswer, type PlanRequest } from './plan-answer';

/** Plans a model's answer against a text (see plan-answer.ts), wherever that runs. */
export interface EditPlanner {
  plan(request: PlanRequest): Promise<PendingEdit>;
  dispose(): Promise<void>;
}

export interface PlanWorkerFunctions {
  plan(request: PlanRequest): Promise<PendingEdit>;
}

export function defaultPlanWorkerPath(): string {
  return helperScriptPath('plan-worker', 'plan-worker.mjs');
}

/**
 * Plans on the calling thread: for tests and tools, where blocking for a large file does not matter. It plans
 * without a grammar: parsing stays in the worker.
 */
export const inlinePlanner: EditPlanner = {
  plan: (request) => Promise.resolve(planAnswer(request)),
  dispose: () => Promise.resolve(),
};

/**
 * Plans in a worker thread started on first use. A worker that dies fails the plans it was running with the
 * reason and the next plan starts a new one; the worker does not keep the process alive.
 */
export function workerPlanner(scriptPath: string): EditPlanner {
  let current: { worker: Worker; rpc: BirpcReturn<PlanWorkerFunctions, object> } | undefined;

  const start = () => {
    const worker = new Worker(scriptPath);
    const rpc = createBirpc<PlanWorkerFunctions, object>(
      {},
      { post: (message) => worker.postMessage(message), on: (deliver) => void worker.on('message', deliver), timeout: 120_000 },
    );
    // Closing the channel rejects the plans still waiting with the reason.
    const fail = (error: Error) => {
      if (current?.worker === worker) current = undefined;
      if (!rpc.$closed) rpc.$close(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the edit planner stopped (exit code ${String(code)})`)));
    worker.unref();
    current = { worker, rpc };
    return current;
  };

  return {
    plan: (request) => (current ?? start()).rpc.plan(request),
    dispose: async () => {
      const running = current;
      current = undefined;
      if (running) await running.worker.terminate();
    },
  };
}
