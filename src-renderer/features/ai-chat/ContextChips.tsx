import { Codicon } from '../../platform/ui/Codicon';
import { useEditorStore } from '../editor';
import { chipIcon, chipKey, chipLabel, type ContextChip } from './context-chips';
import { activeEditorPreview } from './context-sources';
import { removeChip } from './composer-actions';
import { useChatStore } from './store';

function chipTitle(chip: ContextChip): string {
  switch (chip.kind) {
    case 'folder':
      return `${chip.path || 'The workspace folder'}: the names of its files`;
    case 'terminal':
      return `The last lines of ${chip.name}`;
    case 'problems':
      return `${String(chip.count)} errors and warnings from the Problems view`;
    case 'unsaved-file':
      return `${chip.path} (with its unsaved edits)`;
    default:
      return chip.path;
  }
}

/** The active editor's file or selection, offered with every message; the eye leaves it out. */
function ActiveEditorChip() {
  // These change with the active file and its selection, and the chip must follow them.
  useEditorStore((state) => state.activePath);
  useEditorStore((state) => state.selectedChars);
  useEditorStore((state) => state.cursor);
  const included = useChatStore((state) => state.includeActiveEditor);
  const chip = activeEditorPreview();
  if (!chip) return null;
  const what = chip.kind === 'selection' ? 'Current selection' : 'Current file';
  return (
    <button
      type="button"
      className={`chat-chip suggested${included ? '' : ' excluded'}`}
      title={`${what}: ${chipTitle(chip)} (${included ? 'sent with the message; click to leave it out' : 'left out; click to send it'})`}
      aria-pressed={included}
      data-testid="chat-active-editor-chip"
      onClick={() => useChatStore.setState({ includeActiveEditor: !included })}
    >
      <Codicon name={chipIcon(chip)} />
      <span className="chat-chip-label">{chipLabel(chip)}</span>
      <span className="chat-chip-detail">{what.replace('Current ', '')}</span>
      <Codicon name={included ? 'eye' : 'eye-closed'} />
    </button>
  );
}

/** What goes with the next message: the active editor's context, then what the user attached. */
export function ContextChips() {
  const chips = useChatStore((state) => state.chips);
  return (
    <div className="chat-chips" data-testid="chat-chips">
      <ActiveEditorChip />
      {chips.map((chip) => (
        <span key={chipKey(chip)} className="chat-chip" title={chipTitle(chip)} data-testid="chat-chip" data-kind={chip.kind}>
          <Codicon name={chipIcon(chip)} />
          <span className="chat-chip-label">{chipLabel(chip)}</span>
          <button type="button" className="chat-chip-remove" aria-label={`Remove ${chipLabel(chip)}`} title="Remove" onClick={() => removeChip(chip)}>
            <Codicon name="close" />
          </button>
        </span>
      ))}
    </div>
  );
}
