import type { SymbolKindName } from '../../../../src-shared/contract';

/** The codicon of a symbol kind: `enumMember` → `symbol-enum-member`. */
export const symbolIcon = (kind: SymbolKindName): string => `symbol-${kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
