import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { inlineChipText } from './context-chips';
import { useChatStore } from './store';

/** Counting waits for a pause in typing. */
const countDebounceMs = 300;

/**
 * Keeps the meter on what sending the draft would take (history, rules, the draft and the text its
 * chips carry) against the model's window, counted again after a pause in typing. While a request
 * runs, the meter shows the prompt as the host sent it.
 */
export function followTokenMeter(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const count = async (): Promise<void> => {
    const id = ++generation;
    const { draft, chips, activeThreadId, model } = useChatStore.getState();
    const text = [draft, inlineChipText(chips)].filter((part) => part !== '').join('\n\n');
    try {
      const result = await host().ai.countTokens({ text, ...(activeThreadId ? { threadId: activeThreadId } : {}), ...(model ? { model } : {}) });
      if (id !== generation || useChatStore.getState().busy) return;
      useChatStore.setState({
        meter: { state: 'counted', tokens: result.tokens, contextWindow: result.contextWindow, exact: result.exact, source: 'draft', model: result.answeredBy.model },
      });
    } catch (error) {
      if (id === generation) useChatStore.setState({ meter: { state: 'unavailable', message: errorMessage(error) } });
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void count(), countDebounceMs);
  };
  const unsubscribe = useChatStore.subscribe((state, previous) => {
    if (state.busy) return;
    const finished = previous.busy;
    const changed = state.draft !== previous.draft || state.chips !== previous.chips || state.activeThreadId !== previous.activeThreadId || state.model !== previous.model;
    if (changed || finished) schedule();
  });
  schedule();
  return () => {
    clearTimeout(timer);
    generation += 1;
    unsubscribe();
  };
}
