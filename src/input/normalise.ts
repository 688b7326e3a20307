/**
 * The one text normalisation every reader applies, so that offsets mean the same thing whatever the
 * source format: byte-order mark removed, CRLF and lone CR turned into LF, Unicode NFC. Quotes,
 * dashes and other punctuation are kept exactly as written.
 */

export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
