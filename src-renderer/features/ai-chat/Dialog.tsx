import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Codicon } from '../../platform/ui/Codicon';

interface DialogProps {
  title: string;
  onClose(): void;
  testId: string;
  children: ReactNode;
}

/** A modal over the workbench (Escape, the close button or a click beside it closes it); focus returns where it was. */
export function Dialog({ title, onClose, testId, children }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  // Read before the dialog's fields can take the focus, so it goes back where it was.
  const [previous] = useState(() => document.activeElement);
  useEffect(() => {
    // A field inside may have taken the focus already (autoFocus).
    if (!panel.current?.contains(document.activeElement)) panel.current?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, [previous]);
  return (
    <div
      className="ai-dialog-backdrop"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className="ai-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onClose();
        }}
      >
        <header className="ai-dialog-title">
          <h2>{title}</h2>
          <button type="button" className="icon-button" title="Close" aria-label="Close" onClick={onClose}>
            <Codicon name="close" />
          </button>
        </header>
        <div className="ai-dialog-body">{children}</div>
      </div>
    </div>
  );
}
