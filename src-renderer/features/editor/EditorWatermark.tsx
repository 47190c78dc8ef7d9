import { formatKeybinding } from '../../app/commands';

const hints = [
  { label: 'Show All Commands', keybinding: 'mod+shift+p' },
  { label: 'Toggle Side Bar', keybinding: 'mod+b' },
  { label: 'Toggle Panel', keybinding: 'mod+j' },
  { label: 'Save', keybinding: 'mod+s' },
];

/** What the empty editor area shows: the name and a few keys worth knowing. */
export function EditorWatermark() {
  return (
    <div className="editor-watermark" aria-hidden="true">
      <div className="editor-watermark-logo">Lathe</div>
      <dl className="editor-watermark-hints">
        {hints.map((hint) => (
          <div key={hint.label} className="editor-watermark-hint">
            <dt>{hint.label}</dt>
            <dd>
              <kbd>{formatKeybinding(hint.keybinding)}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
