import type { AiAttachment } from '../../../src-shared/contract';

/** Something the user attached to the next message, as the composer shows it. */
export type ContextChip =
  | { kind: 'file'; path: string }
  | { kind: 'folder'; path: string }
  /** Lines of an open buffer, sent as the text on screen (it may not be saved yet). */
  | { kind: 'selection'; path: string; startLine: number; endLine: number; text: string }
  /** A buffer with unsaved edits, sent as the text on screen rather than read from disk. */
  | { kind: 'unsaved-file'; path: string; text: string }
  | { kind: 'terminal'; name: string; text: string }
  /** The Problems registry's errors and warnings, as compiler-style lines. */
  | { kind: 'problems'; count: number; text: string };

/** The most attachments one message may carry, and the longest label and text of one (the contract's limits). */
export const maxAttachments = 50;
const maxLabelChars = 200;
const maxTextChars = 1_000_000;

/** Tells chips apart, so the same file is not attached twice. */
export function chipKey(chip: ContextChip): string {
  switch (chip.kind) {
    case 'selection':
      return `selection:${chip.path}:${String(chip.startLine)}-${String(chip.endLine)}`;
    case 'terminal':
      return `terminal:${chip.name}`;
    case 'problems':
      return 'problems';
    case 'unsaved-file':
      // The unsaved buffer stands for the file itself.
      return `file:${chip.path}`;
    default:
      return `${chip.kind}:${chip.path}`;
  }
}

export function chipLabel(chip: ContextChip): string {
  switch (chip.kind) {
    case 'selection':
      return `${baseName(chip.path)}:${lineRange(chip.startLine, chip.endLine)}`;
    case 'terminal':
      return `Terminal: ${chip.name}`;
    case 'problems':
      return `Problems (${String(chip.count)})`;
    case 'folder':
      return chip.path === '' ? 'Workspace folder' : `${baseName(chip.path)}/`;
    default:
      return baseName(chip.path);
  }
}

export function chipIcon(chip: ContextChip): string {
  switch (chip.kind) {
    case 'folder':
      return 'folder';
    case 'selection':
      return 'selection';
    case 'terminal':
      return 'terminal';
    case 'problems':
      return 'warning';
    default:
      return 'file';
  }
}

/** Adds chips, dropping those already there. */
export function addChips(current: readonly ContextChip[], added: readonly ContextChip[]): ContextChip[] {
  const keys = new Set(current.map(chipKey));
  const next = [...current];
  for (const chip of added) {
    const key = chipKey(chip);
    if (keys.has(key)) continue;
    keys.add(key);
    next.push(chip);
  }
  return next;
}

/** What the host is sent for the chips, in order, without duplicates and within the contract's limit. */
export function attachmentsFor(chips: readonly ContextChip[]): AiAttachment[] {
  const seen = new Set<string>();
  const attachments: AiAttachment[] = [];
  for (const chip of chips) {
    const key = chipKey(chip);
    if (seen.has(key)) continue;
    seen.add(key);
    attachments.push(attachmentFor(chip));
  }
  return attachments.slice(0, maxAttachments);
}

function attachmentFor(chip: ContextChip): AiAttachment {
  switch (chip.kind) {
    case 'file':
      return { kind: 'file', path: chip.path };
    case 'folder':
      return { kind: 'folder', path: chip.path };
    case 'selection':
      return textAttachment(`${chip.path}:${lineRange(chip.startLine, chip.endLine)}`, chip.text);
    case 'unsaved-file':
      return textAttachment(`${chip.path} (unsaved)`, chip.text);
    case 'terminal':
      return textAttachment(`Terminal output (${chip.name})`, chip.text);
    case 'problems':
      return textAttachment('Problems', chip.text);
  }
}

function textAttachment(label: string, text: string): AiAttachment {
  // A long path keeps its end, which names the file.
  const fitted = label.length > maxLabelChars ? `…${label.slice(-(maxLabelChars - 1))}` : label;
  return { kind: 'text', label: fitted, text: text.slice(0, maxTextChars) };
}

/** The text the chips carry themselves (not read by the host), counted by the token meter. */
export function inlineChipText(chips: readonly ContextChip[]): string {
  return chips
    .map((chip) => ('text' in chip ? chip.text : ''))
    .filter((text) => text !== '')
    .join('\n\n');
}

function lineRange(start: number, end: number): string {
  return start === end ? String(start) : `${String(start)}-${String(end)}`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
