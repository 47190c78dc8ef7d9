import type { Disposable } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { loadMonaco } from '../editor';
import { registerProblemAction } from '../language';
import { notify } from '../notifications';
import { registerAiEditorActions } from './editor-actions';
import { fixWithAi, isWorkspaceProblem } from './fix-problem';
import { trackReviewFindings } from './tracked-findings';

/** The AI actions outside the palette: in the editor (lightbulb, quick fix, context menu) and on the Problems view's rows. */
export async function startAiActions(): Promise<Disposable> {
  const monaco = await loadMonaco();
  const subscriptions: Disposable[] = [
    ...registerAiEditorActions(monaco),
    trackReviewFindings(monaco),
    registerProblemAction({
      id: 'fix-with-ai',
      title: 'Fix with AI',
      icon: 'sparkle',
      appliesTo: isWorkspaceProblem,
      run: (problem) =>
        fixWithAi(problem).catch((error: unknown) => {
          notify({ severity: 'error', message: `Fix with AI: ${errorMessage(error)}` });
        }),
    }),
  ];
  return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
}
