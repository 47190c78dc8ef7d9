import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './quick-pick.css';

/** Extra attributes for one row: more classes, a tooltip, `data-*` hooks for tests and styles. */
export interface QuickPickRowAttributes {
  className?: string;
  title?: string;
  [data: `data-${string}`]: string | undefined;
}

export interface QuickPickProps<T> {
  // The input.
  value: string;
  onValueChange(value: string): void;
  placeholder: string;
  inputTestId?: string;
  /** Masks what is typed (a password or token). */
  password?: boolean;

  // The rows.
  items: readonly T[];
  /** The row active when the picker opens; typing makes the first row active again. */
  initialActiveIndex?: number;
  getKey(item: T): string;
  /** The content of one row; the row itself (role, selection, mouse handling) belongs to the picker. */
  renderItem(item: T, index: number): ReactNode;
  getRowAttributes?(item: T, index: number): QuickPickRowAttributes;
  /** Shown in place of the rows when there are none. */
  emptyText: ReactNode;
  /** A note below the rows, such as why the list is incomplete. */
  footer?: ReactNode;
  /** Names the list of rows. */
  listAriaLabel: string;

  // What happens.
  /** Called on Enter or a click, after the picker has closed. */
  onPick(item: T): void;
  /**
   * The item Enter picks, given the active one; lets an owner whose rows lag behind the input pick
   * what the input currently says. Defaults to the active item.
   */
  itemForEnter?(active: T | undefined): T | undefined;
  /** The picker is done: Escape, a pick, or focus leaving it. The owner stops rendering it. */
  onHide(): void;
  /** Where focus goes back to on Escape or a pick (focus leaving on its own is left alone). */
  returnFocus?(): Element | null;

  // The overlay.
  /** Names the dialog. */
  ariaLabel: string;
  testId?: string;
  /** Added to the overlay's own class. */
  className?: string;
}

/** How far PageUp/PageDown move the active row. */
const pageSize = 10;

/**
 * A filter input over a list of rows, like VS Code's quick pick: the input keeps focus while the
 * arrow keys move the active row, Enter picks it, and Escape or focus leaving closes the picker.
 */
export function QuickPick<T>({
  value,
  onValueChange,
  placeholder,
  inputTestId,
  password = false,
  items,
  initialActiveIndex = 0,
  getKey,
  renderItem,
  getRowAttributes,
  emptyText,
  footer,
  listAriaLabel,
  onPick,
  itemForEnter = (active) => active,
  onHide,
  returnFocus,
  ariaLabel,
  testId,
  className,
}: QuickPickProps<T>) {
  const [active, setActive] = useState(initialActiveIndex);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const ids = useId();
  const listId = `${ids}list`;
  const rowId = (index: number) => `${ids}row-${index}`;
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, items]);

  const close = (): void => {
    const target = returnFocus?.();
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    onHide();
  };

  const pick = (item: T): void => {
    close();
    onPick(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const move = (to: number) => {
      event.preventDefault();
      if (items.length > 0) setActive((to + items.length) % items.length);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(Math.min(activeIndex + pageSize, items.length - 1));
    else if (event.key === 'PageUp') move(Math.max(activeIndex - pageSize, 0));
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = itemForEnter(items[activeIndex]);
      if (item !== undefined) pick(item);
    }
  };

  return (
    <div
      className={className ? `quick-pick ${className}` : 'quick-pick'}
      data-testid={testId}
      role="dialog"
      aria-label={ariaLabel}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onHide();
      }}
    >
      <div className="quick-pick-input-row">
        <input
          ref={input}
          className="quick-pick-input"
          data-testid={inputTestId}
          type={password ? 'password' : 'text'}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={items.length > 0 ? rowId(activeIndex) : undefined}
          onChange={(event) => {
            onValueChange(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div ref={list} id={listId} className="quick-pick-list" role="listbox" aria-label={listAriaLabel}>
        {items.length === 0 ? (
          <div className="quick-pick-message">{emptyText}</div>
        ) : (
          items.map((item, index) => {
            const { className: rowClass, ...attributes } = getRowAttributes?.(item, index) ?? {};
            return (
              <div
                {...attributes}
                key={getKey(item)}
                id={rowId(index)}
                className={rowClass ? `quick-pick-item ${rowClass}` : 'quick-pick-item'}
                role="option"
                aria-selected={index === activeIndex}
                onMouseMove={() => setActive(index)}
                // Keep focus in the input so its blur does not close the picker before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(item)}
              >
                {renderItem(item, index)}
              </div>
            );
          })
        )}
        {footer ? <div className="quick-pick-message">{footer}</div> : null}
      </div>
    </div>
  );
}
