import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { clearProblems } from '../language';
import { explainCode } from './explain';
import { fixProblemAtCursor } from './fix-problem';
import { generateAtCursor, generateNewFile } from './generate-code';
import { generateDocs, generateFileDocs } from './generate-docs';
import { generateTests } from './generate-tests';
import { cancelActiveReview, reviewFile, reviewLines } from './review';
import { reviewSource } from './review-findings';

export function registerAiActionCommands(): Disposable[] {
  return [
    registerCommand({ id: 'lathe.ai.explain', category: 'AI', title: 'Explain Selection or File', run: () => explainCode() }),
    registerCommand({ id: 'lathe.ai.reviewSelection', category: 'AI', title: 'Review Selection', run: () => reviewLines() }),
    registerCommand({ id: 'lathe.ai.reviewFile', category: 'AI', title: 'Review File', run: reviewFile }),
    registerCommand({ id: 'lathe.ai.cancelReview', category: 'AI', title: 'Cancel Review', run: cancelActiveReview }),
    registerCommand({ id: 'lathe.ai.clearReviewFindings', category: 'AI', title: 'Clear Review Findings', run: () => clearProblems(reviewSource) }),
    registerCommand({ id: 'lathe.ai.fixProblem', category: 'AI', title: 'Fix Problem at Cursor', run: fixProblemAtCursor }),
    registerCommand({ id: 'lathe.ai.generateDocs', category: 'AI', title: 'Generate Documentation', run: () => generateDocs() }),
    registerCommand({ id: 'lathe.ai.generateFileDocs', category: 'AI', title: 'Generate Documentation for File', run: generateFileDocs }),
    registerCommand({ id: 'lathe.ai.generateTests', category: 'AI', title: 'Generate Tests', run: () => generateTests() }),
    registerCommand({ id: 'lathe.ai.generateCode', category: 'AI', title: 'Generate Code at Cursor…', run: generateAtCursor }),
    registerCommand({ id: 'lathe.ai.generateFile', category: 'AI', title: 'Generate New File…', run: generateNewFile }),
  ];
}
