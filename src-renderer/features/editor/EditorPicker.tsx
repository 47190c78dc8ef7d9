import { useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import { QuickPick } from '../../platform/ui/QuickPick';

export interface PickerItem {
  id: string;
  label: string;
  description?: string;
}

export interface PickerRequest {
  placeholder: string;
  /** The rows for what is typed; by default the given items filtered by their label. */
  items: readonly PickerItem[] | ((query: string) => readonly PickerItem[]);
  /** The row active when the picker opens (the current choice). */
  activeId?: string;
  onPick(item: PickerItem): void;
  /** The picker closed without a pick (Escape, or the focus left it). */
  onCancel?(): void;
  emptyText?: string;
  /** What the input starts with. */
  value?: string;
  /** Masks what is typed (the picker asks for a password). */
  password?: boolean;
}

interface PickerState {
  request: PickerRequest | null;
  generation: number;
  returnFocus: Element | null;
}

const usePickerStore = create<PickerState>()(() => ({ request: null, generation: 0, returnFocus: null }));

/** Shows a small picker over the editor (indentation, encoding, language, go to line or symbol). */
export function showEditorPicker(request: PickerRequest): void {
  usePickerStore.setState((state) => ({ request, generation: state.generation + 1, returnFocus: document.activeElement }));
}

function hidePicker(): void {
  usePickerStore.setState({ request: null });
}

export function EditorPicker() {
  const request = usePickerStore((state) => state.request);
  const generation = usePickerStore((state) => state.generation);
  if (!request) return null;
  return <PickerOverlay key={generation} request={request} />;
}

function PickerOverlay({ request }: { request: PickerRequest }) {
  const [query, setQuery] = useState(request.value ?? '');
  const picked = useRef(false);
  const items = useMemo(() => {
    if (typeof request.items === 'function') return request.items(query);
    const needle = query.trim().toLowerCase();
    return needle === '' ? request.items : request.items.filter((item) => item.label.toLowerCase().includes(needle));
  }, [request, query]);
  const activeIndex = query === '' && request.activeId !== undefined ? Math.max(0, items.findIndex((item) => item.id === request.activeId)) : 0;
  return (
    <QuickPick
      value={query}
      onValueChange={setQuery}
      placeholder={request.placeholder}
      inputTestId="editor-picker-input"
      password={request.password === true}
      items={items}
      initialActiveIndex={activeIndex}
      getKey={(item) => item.id}
      renderItem={(item) => (
        <>
          <span className="editor-picker-label">{item.label}</span>
          {item.description ? <span className="editor-picker-description">{item.description}</span> : null}
        </>
      )}
      getRowAttributes={(item) => ({ 'data-id': item.id, title: item.label })}
      emptyText={request.emptyText ?? 'No matching items'}
      listAriaLabel={request.placeholder}
      onPick={(item) => {
        picked.current = true;
        request.onPick(item);
      }}
      onHide={() => {
        hidePicker();
        // A pick closes the picker first and picks right after: only a close without one is a cancel.
        queueMicrotask(() => {
          if (!picked.current) request.onCancel?.();
        });
      }}
      returnFocus={() => usePickerStore.getState().returnFocus}
      ariaLabel={request.placeholder}
      testId="editor-picker"
    />
  );
}
