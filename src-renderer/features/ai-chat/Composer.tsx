import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { stopResponse } from './chat-request';
import { attachChips, submitDraft } from './composer-actions';
import { ContextChips } from './ContextChips';
import { pickContext } from './context-sources';
import { ModelPicker } from './ModelPicker';
import { reportError } from './report-error';
import { RulesIndicator } from './RulesIndicator';
import { useChatStore } from './store';
import { followTokenMeter } from './token-meter';
import { TokenMeter } from './TokenMeter';

/** Opens the context picker; a chip picked after a typed `@` takes the `@`'s place. */
async function attachFromPicker(typedAt?: number): Promise<void> {
  try {
    const chips = await pickContext();
    if (chips.length === 0) return;
    if (typedAt !== undefined) {
      useChatStore.setState((state) => (state.draft.charAt(typedAt) === '@' ? { draft: state.draft.slice(0, typedAt) + state.draft.slice(typedAt + 1) } : state));
    }
    attachChips(chips);
  } catch (error) {
    reportError('attach the context')(error);
  }
}

/** Where the question is written: context chips, the text, the model, rules, tokens, and Send or Stop. */
export function Composer() {
  const draft = useChatStore((state) => state.draft);
  const busy = useChatStore((state) => state.busy);
  const focusRequest = useChatStore((state) => state.focusRequest);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => followTokenMeter(), []);
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>): void => {
    const { value, selectionStart } = event.target;
    useChatStore.setState({ draft: value });
    // `@` typed at the start of a word asks what to attach, as in other AI editors.
    const at = selectionStart - 1;
    const typedAt = value.length === draft.length + 1 && value.charAt(at) === '@' && (at === 0 || /\s/.test(value.charAt(at - 1)));
    if (typedAt) void attachFromPicker(at);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submitDraft();
    } else if (event.key === 'Escape' && busy) {
      event.preventDefault();
      stopResponse();
    }
  };

  return (
    <div className="chat-composer">
      <div className="chat-composer-box">
        <ContextChips />
        <textarea
          ref={input}
          className="chat-input"
          data-testid="chat-input"
          aria-label="Ask a question"
          placeholder="Ask about your code (@ to attach context)"
          rows={1}
          spellCheck={false}
          value={draft}
          onChange={onChange}
          onKeyDown={onKeyDown}
        />
        <div className="chat-composer-toolbar">
          <button type="button" className="icon-button" title="Attach Context… (@)" aria-label="Attach Context" data-testid="chat-attach" onClick={() => void attachFromPicker()}>
            <Codicon name="mention" />
          </button>
          <ModelPicker />
          <span className="chat-toolbar-spacer" />
          <RulesIndicator />
          <TokenMeter />
          {busy ? (
            <button type="button" className="chat-send stop" title="Stop (Escape)" aria-label="Stop" data-testid="chat-stop" onClick={stopResponse}>
              <Codicon name="debug-stop" />
            </button>
          ) : (
            <button type="button" className="chat-send" title="Send (Enter)" aria-label="Send" data-testid="chat-send" disabled={draft.trim() === ''} onClick={submitDraft}>
              <Codicon name="send" />
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
