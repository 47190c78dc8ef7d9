/** Positions and selections as the editor reports them (0-based), without the API's types. */
export interface Position {
  line: number;
  character: number;
}

export interface Selection {
  anchor: Position;
  active: Position;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The selections that select something, as ranges from start to end whatever way they were made. */
export function selectedRanges(selections: readonly Selection[]): { start: Position; end: Position }[] {
  return selections
    .filter(({ anchor, active }) => anchor.line !== active.line || anchor.character !== active.character)
    .map(({ anchor, active }) => (before(anchor, active) ? { start: anchor, end: active } : { start: active, end: anchor }));
}
