import { useState, type KeyboardEvent } from 'react';
import { formatKeybinding } from '../../app/commands';
import { Codicon } from '../../platform/ui/Codicon';
import { useAiEditStore, type EditBox as EditBoxState } from './store';
import { newProblemsText, refusalText, statusText } from './words';
import './ai-edit.css';

/** What the box's controls do; the edit session behind the box provides them. */
export interface EditBoxActions {
  send(instruction: string): void;
  stop(): void;
  acceptAll(): void;
  rejectAll(): void;
  close(): void;
  reveal(line: number, column: number): void;
  runCargoCheck(): void;
}

export const acceptAllKey = 'mod+enter';

function ProblemsCheck({ box, actions }: { box: EditBoxState; actions: EditBoxActions }) {
  const { check } = box;
  const cargoOffer = box.cargo && box.hunks.accepted > 0 && !(check.state === 'waiting' && check.by === 'cargo') && (
    <button type="button" className="ai-edit-link" data-testid="ai-edit-cargo-check" onClick={actions.runCargoCheck}>
      Save and run cargo check
    </button>
  );
  if (check.state === 'none') return cargoOffer ? <div className="ai-edit-check">{cargoOffer}</div> : null;
  if (check.state === 'waiting') {
    return (
      <div className="ai-edit-check" data-testid="ai-edit-check" data-state="waiting">
        <Codicon name="loading" className="codicon-modifier-spin" /> {check.by === 'cargo' ? 'Running cargo check…' : 'Checking for new problems…'}
        {cargoOffer}
      </div>
    );
  }
  return (
    <div className="ai-edit-check" data-testid="ai-edit-check" data-state="done">
      {check.problems.length === 0 ? (
        <span className="ai-edit-check-clean">
          <Codicon name="check" /> {check.heard ? 'No new problems.' : 'No diagnostics arrived for the file after the change.'}
        </span>
      ) : (
        <>
          <span className="ai-edit-check-title">{newProblemsText(check.problems.length)}</span>
          <ul className="ai-edit-problems">
            {check.problems.map((problem, index) => (
              <li key={index}>
                <button type="button" className="ai-edit-problem" data-testid="ai-edit-problem" onClick={() => actions.reveal(problem.line, problem.column)}>
                  <Codicon name={problem.severity === 'error' ? 'error' : 'warning'} className={`ai-edit-problem-${problem.severity}`} />
                  <span className="ai-edit-problem-message">{problem.message}</span>
                  <span className="ai-edit-problem-where">
                    {problem.source} [Ln {problem.line}, Col {problem.column}]
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {cargoOffer}
    </div>
  );
}

/** The edit box above the lines an edit is about: the instruction, the model, and what became of the edit. */
export function EditBox({ actions }: { actions: EditBoxActions }) {
  const box = useAiEditStore((state) => state.box);
  const [draft, setDraft] = useState('');
  if (!box) return null;
  const streaming = box.status === 'streaming';
  const send = (): void => {
    if (streaming || !draft.trim()) return;
    actions.send(draft);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    // Keys typed here are the box's own, not the editor's (Ctrl+Z would undo in the file).
    event.stopPropagation();
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (streaming) actions.stop();
      else actions.close();
    }
  };
  const refining = box.instructions.length > 0;
  return (
    <div className="ai-edit-box" data-testid="ai-edit-box" data-status={box.status}>
      <div className="ai-edit-prompt">
        <Codicon name="sparkle" className="ai-edit-icon" />
        <input
          className="ai-edit-input"
          data-testid="ai-edit-input"
          autoFocus
          spellCheck={false}
          aria-label="Edit instruction"
          placeholder={refining ? 'Refine the edit (Enter to send)' : 'Describe the edit (Enter to send, Escape to close)'}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {streaming ? (
          <button type="button" className="ai-edit-icon-button" data-testid="ai-edit-stop" title="Stop (Escape)" aria-label="Stop" onClick={actions.stop}>
            <Codicon name="debug-stop" />
          </button>
        ) : (
          <button type="button" className="ai-edit-icon-button" data-testid="ai-edit-send" title="Send (Enter)" aria-label="Send" disabled={!draft.trim()} onClick={send}>
            <Codicon name="send" />
          </button>
        )}
        <button type="button" className="ai-edit-icon-button" data-testid="ai-edit-close" title="Close (Escape)" aria-label="Close" onClick={actions.close}>
          <Codicon name="close" />
        </button>
      </div>
      <div className="ai-edit-meta">
        {box.title && <span className="ai-edit-title">{box.title}</span>}
        {refining && (
          <span className="ai-edit-sent" data-testid="ai-edit-sent" title={box.instructions.join('\n')}>
            “{box.instructions.at(-1)}”
          </span>
        )}
        <span className="ai-edit-model" data-testid="ai-edit-model" title="The model the edit goes to">
          {box.model}
        </span>
        <span className="ai-edit-state" data-testid="ai-edit-state">
          {streaming && <Codicon name="loading" className="codicon-modifier-spin" />} {statusText(box)}
        </span>
      </div>
      {box.wholeFile && streaming && box.answer && (
        <pre className="ai-edit-answer" data-testid="ai-edit-answer" ref={(node) => node?.scrollTo({ top: node.scrollHeight })}>
          {box.answer}
        </pre>
      )}
      {box.notes.map((note, index) => (
        <div key={index} className="ai-edit-note" data-testid="ai-edit-note">
          <Codicon name="info" />
          <span>{note}</span>
        </div>
      ))}
      {box.refusals.map((refusal, index) => (
        <div key={index} className="ai-edit-refusal" data-testid="ai-edit-refusal" title={refusal.detail}>
          <Codicon name="warning" />
          <span>{refusalText(refusal)}</span>
        </div>
      ))}
      {box.error && (
        <div className="ai-edit-error" data-testid="ai-edit-error">
          <Codicon name="error" />
          <span>{box.error}</span>
        </div>
      )}
      {box.status === 'pending' && (
        <div className="ai-edit-actions">
          <button type="button" className="button" data-testid="ai-edit-accept-all" onClick={actions.acceptAll}>
            Accept All <kbd className="ai-edit-kbd">{formatKeybinding(acceptAllKey)}</kbd>
          </button>
          <button type="button" className="button ai-edit-secondary" data-testid="ai-edit-reject-all" onClick={actions.rejectAll}>
            Reject All
          </button>
        </div>
      )}
      <ProblemsCheck box={box} actions={actions} />
    </div>
  );
}
