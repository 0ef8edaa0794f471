/**
 * Bytes of a cable file → text. UTF-8 as released; Windows-1252 (a superset of Latin-1's
 * printable range) when the bytes are not valid UTF-8; binary files refused.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { type Message, MessageList } from './messages.ts';

/** Files larger than this are refused: no real cable comes near it. */
export const MAX_CABLE_BYTES = 4 * 1024 * 1024;

export interface DecodeResult {
  /** Null when the bytes cannot be a cable. */
  text: string | null;
  messages: Message[];
}

const windows1252 = new TextDecoder('windows-1252');

export function decodeCable(bytes: Uint8Array, options: { path: string }): DecodeResult {
  const messages = new MessageList(options.path);
  if (bytes.length > MAX_CABLE_BYTES) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    messages.fail(
      'cable/too-large',
      `file is ${size} MB, more than the ${MAX_CABLE_BYTES / 1024 / 1024} MB a cable can be; check that it is one cable and not a whole dump`,
      { line: 1 },
    );
    return { text: null, messages: messages.messages };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    messages.fail('cable/binary', 'file holds binary data (a NUL byte), not text; remove it from the cables folder', {
      line: lineAt(bytes, nul),
      column: columnAt(bytes, nul),
    });
    return { text: null, messages: messages.messages };
  }
  if (isUtf8(bytes)) return { text: decodeUtf8(bytes), messages: messages.messages };
  const bad = firstInvalidUtf8(bytes);
  messages.warn(
    'cable/decoded-windows-1252',
    'file is not valid UTF-8; decoded it as Windows-1252 (Latin-1). Re-save it as UTF-8 to silence this',
    { line: lineAt(bytes, bad), column: columnAt(bytes, bad) },
  );
  return { text: windows1252.decode(bytes), messages: messages.messages };
}

/**
 * Valid UTF-8 as text, as `TextDecoder` gives it (a leading byte order mark dropped). Node checks
 * and decodes a buffer faster than the decoder does with `fatal`, which checks as it goes.
 */
function decodeUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return buffer.toString('utf8', start);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 10) line++;
  return line;
}

function columnAt(bytes: Uint8Array, offset: number): number {
  const start = bytes.lastIndexOf(10, offset - 1);
  return offset - start;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte < 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    }
    index += length - 1;
  }
  return 0;
}
