import type { FileEncoding } from '../../../src-shared/contract';

/** How many leading bytes are checked for NUL to call a file binary (as git and VS Code do). */
const binarySniffBytes = 8000;

/** Decodes file bytes by their byte-order mark; `undefined` for a binary file (a NUL byte, no UTF-16 BOM). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: FileEncoding } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf8bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  if (bytes.subarray(0, binarySniffBytes).includes(0)) return undefined;
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf8' };
}

/** Encodes text for disk in the file's own encoding, byte-order mark included. */
export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const little = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), little.swap16()]);
    }
  }
}
