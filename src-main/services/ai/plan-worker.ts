// The apply engine's worker thread: planning a refused block scans the whole file for the closest text, which
// takes seconds on a large file, and a loose match parses the file with its grammar, so both run here and never on
// main's event loop.
import { parentPort } from 'node:worker_threads';
import { createBirpc } from 'birpc';
import { planAnswer } from './plan-answer';
import type { PlanWorkerFunctions } from './edit-planner';
import { syntaxParserFor } from './syntax-check';

if (!parentPort) throw new Error('plan-worker runs as a worker thread');
const port = parentPort;
createBirpc<object, PlanWorkerFunctions>(
  // The grammar loads before planning, which is synchronous.
  { plan: async (request) => planAnswer(request, await syntaxParserFor(request.target.path)) },
  { post: (message) => port.postMessage(message), on: (deliver) => void port.on('message', deliver) },
);
