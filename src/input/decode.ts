/**
 * Bytes → text for every reader: refuses binary content (known magic numbers, NUL bytes), decodes
 * UTF-8 strictly (invalid bytes are an error, not silent U+FFFD), UTF-16 LE/BE when a byte-order
 * mark says so, or a declared charset (HTTP header / HTML meta), then normalises (normalise.ts).
 */
import { TextDecoder } from 'node:util';
import { normaliseText } from './normalise.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const MAGIC_NUMBERS: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'ZIP archive (or a .docx/.xlsx/.epub)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF document' },
  { bytes: [0x42, 0x5a, 0x68], name: 'bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'MS Office document' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'RIFF media file' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

/** Names the binary format of `bytes`, or null when they may be text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const magic of MAGIC_NUMBERS) if (startsWith(bytes, magic.bytes)) return magic.name;
  if (!bytes.includes(0)) return null;
  // Text in UTF-16 without a byte-order mark has a NUL in every other byte for ASCII letters.
  const sample = bytes.subarray(0, 4096);
  const nulShare = sample.filter((byte) => byte === 0).length / sample.length;
  return nulShare > 0.3 ? 'NUL bytes; UTF-16 text without a byte-order mark? save it as UTF-8' : 'NUL bytes';
}

/** Byte offset and line of the first invalid UTF-8 sequence, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  let offset = 0;
  let line = 1;
  while (offset < bytes.length) {
    const lead = bytes[offset];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return { offset, line };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + length));
    } catch {
      return { offset, line };
    }
    if (lead === 0x0a) line += 1;
    offset += length;
  }
  return { offset, line };
}

/**
 * Windows-1252 characters for the bytes 0x80–0x9F (WHATWG's table; the five unassigned bytes keep
 * their C1 code points). Node 20 releases since 20.18.3 decode "windows-1252" (and its aliases
 * latin1, iso-8859-1, ascii) as ISO-8859-1, leaving curly quotes and dashes as C1 controls.
 */
const WINDOWS_1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function withWindows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (control) => WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80]);
}

function decodeWith(label: string, bytes: Uint8Array): DecodeResult {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { ok: false, reason: `unsupported character encoding "${label}"` };
  }
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: normaliseText(decoder.encoding === 'windows-1252' ? withWindows1252Punctuation(text) : text) };
  } catch {
    if (decoder.encoding === 'utf-8') {
      const where = firstInvalidUtf8(bytes);
      return { ok: false, reason: `invalid UTF-8 at byte ${where.offset} (line ${where.line}); save the file as UTF-8` };
    }
    return { ok: false, reason: `invalid ${decoder.encoding} text` };
  }
}

/**
 * Decodes raw bytes to normalised text. `declaredCharset` comes from an HTTP Content-Type or an
 * HTML `<meta charset>`; a byte-order mark wins over it, as browsers do.
 */
export function decodeBytes(bytes: Uint8Array, declaredCharset: string | null = null): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeWith('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', bytes.subarray(2));
  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, reason: `binary content (${binary}), not text` };
  return decodeWith(declaredCharset ?? 'utf-8', bytes);
}

/** The charset an HTML page declares in its first 2 KiB (`<meta charset>` or http-equiv), if any. */
export function htmlDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  if (!head.trimStart().startsWith('<')) return null;
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}
