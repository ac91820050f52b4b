// Turns the bytes of an article into the text the parser sees. Pure: no I/O.
// Everything that would make offsets ambiguous or output unsafe is decided here,
// once: binary files are refused, UTF-8 is decoded strictly, a BOM is dropped and
// line endings become LF before any offset is taken.
import { ClaimsError } from '../errors.js';

/**
 * fatal: refuse invalid UTF-8 rather than invent U+FFFD; the BOM is stripped. One
 * decoder for every article: decode() without `stream` keeps nothing between
 * calls, and making one per article cost more than decoding it the first few
 * thousand times (a parse worker reads thousands of files while still cold).
 */
export const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses what is not UTF-8 text and returns the text with LF line endings. */
export function decodeArticle(bytes: Uint8Array, origin: string): string {
  const where = describeOrigin(origin);
  if (bytes.length === 0) {
    throw emptyError(where);
  }
  if (hasUtf16Bom(bytes)) {
    throw new ClaimsError(`${where} is UTF-16 text; claims reads UTF-8 only`, {
      code: 'INPUT_INVALID',
      hint: 'convert it first, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.txt`',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw binaryError(where, nul);
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    throw new ClaimsError(`${where} is not valid UTF-8 (first bad byte at offset ${at})`, {
      code: 'INPUT_INVALID',
      hint: 'convert it to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.txt`',
      cause,
    });
  }
  text = normaliseNewlines(text);
  if (text.trim() === '') {
    throw emptyError(where);
  }
  return text;
}

/**
 * Decodes a web page or a served text: in the charset its Content-Type header
 * names, else the one its <meta> declares, else UTF-8 (checked strictly, as for
 * article files). Legacy charsets (windows-1252, ISO-8859-x, Shift_JIS, …) are
 * decoded as declared.
 */
export function decodePage(bytes: Uint8Array, origin: string, headerCharset?: string, html = true): string {
  const charset = headerCharset ?? (html ? declaredCharset(bytes) : undefined);
  if (charset === undefined) return decodeArticle(bytes, origin);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch (cause) {
    throw new ClaimsError(`${describeOrigin(origin)} is in the character set '${charset}', which claims cannot read`, {
      code: 'INPUT_INVALID',
      hint: `convert it to UTF-8 first, e.g. \`iconv -f ${charset} -t UTF-8 FILE > FILE.utf8.html\``,
      cause,
    });
  }
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return decodeArticle(bytes, origin);
  const where = describeOrigin(origin);
  if (bytes.length === 0) throw emptyError(where);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw binaryError(where, nul);
  const text = normaliseNewlines(decoder.decode(bytes));
  if (text.trim() === '') throw emptyError(where);
  return text;
}

/** The charset a page declares in its first 1024 bytes: <meta charset> or http-equiv Content-Type. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** CRLF and lone CR become LF, so offsets refer to one form of the text. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function describeOrigin(origin: string): string {
  if (origin === '-') return 'standard input';
  const record = /^-:(\d+)$/.exec(origin);
  return record ? `standard input line ${record[1]}` : `'${origin}'`;
}

function binaryError(where: string, nul: number): ClaimsError {
  return new ClaimsError(`${where} looks like a binary file (NUL byte at offset ${nul}), not an article`, {
    code: 'INPUT_INVALID',
    hint: 'give a plain-text (UTF-8) article; save PDFs or Word files as text first',
  });
}

function emptyError(where: string): ClaimsError {
  return new ClaimsError(`${where} is empty: there is no article text to read`, {
    code: 'INPUT_INVALID',
    hint: 'check that you gave the right file; an article needs at least a title line and some text',
  });
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
