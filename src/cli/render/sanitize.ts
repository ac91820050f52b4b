// Article text is untrusted: an article can carry terminal escape sequences that
// would recolour, retitle or rewrite a user's terminal, or bidi controls that make
// text read differently from what it is. Everything shown as text passes here.

// ESC- and C1-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL/ST),
// DCS/SOS/PM/APC (ESC P|X|^|_ … ST) and the two-byte escapes (ESC + one char).
// String bodies stop at a newline, so an unterminated one cannot eat the rest.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?',
    '(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[^\\u0007\\u001b\\u009c\\n]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    '\\u001b[ -/]*[0-~]?',
  ].join('|'),
  'g',
);

// Remaining C0 controls (except tab and newline), DEL, C1 controls and the bidi
// embedding/override/isolate controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.codePointAt(0) as number;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to print: escape sequences removed, other controls shown as `\xNN`; keeps newlines. */
export function sanitizeText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/\t/g, '    ').replace(CONTROL, visible);
}

/** As `sanitizeText`, on one line: runs of whitespace (newlines too) become one space. */
export function sanitizeInline(text: string): string {
  return NEEDS_INLINE_WORK.test(text) ? sanitizeText(text).replace(/\s+/g, ' ').trim() : text;
}

/**
 * What sanitizeInline changes: a control character (every escape sequence starts
 * with one), white space other than a single space, a space at either end. Most
 * names, titles and paths have none, and this one test is cheaper than the five
 * passes, which a table of thousands of rows (`claims ingest` of a folder lists
 * every file) paid for every cell.
 */
const NEEDS_INLINE_WORK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[^\S ]| {2}|^ | $/;
