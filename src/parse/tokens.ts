// Words of a unit with their offsets. The narration scan (discourse) and the cue
// search (attribution) both walk every word of every unit, so a unit's words are
// found once and shared.
import type { Unit } from './segment.js';

export interface Token {
  text: string;
  /** Lower case, curly apostrophe made straight: the form the word lists hold. */
  lower: string;
  start: number;
  end: number;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * Length (1, or 2 for a surrogate pair) of the letter or digit at `i`, or 0. A scan by
 * character codes: the word regex with Unicode classes, and its match objects, were
 * the largest single cost of parsing.
 */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  // General punctuation (curly quotes, dashes) and block elements (the quote blot).
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x2580 && c <= 0x259f)) return 0;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_NUMBER.test(String.fromCodePoint(s.codePointAt(i)!)) ? 2 : 0;
  return LETTER_OR_NUMBER.test(s[i]!) ? 1 : 0;
}

/**
 * Calls `each` with the offsets of every word of `s`: letters and digits, joined by
 * a connector (an apostrophe, a hyphen, and a full stop when `dots`) when a letter
 * or digit follows it: what the pattern `[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*`
 * matches (with `.` among the connectors when `dots`).
 */
export function eachWord(s: string, dots: boolean, each: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(s, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    for (;;) {
      while (i < n && (w = wordCharAt(s, i))) i += w;
      if (i + 1 >= n) break;
      const c = s.charCodeAt(i);
      if ((c === 39 || c === 0x2019 || c === 45 || (dots && c === 46)) && wordCharAt(s, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    each(start, i);
  }
}

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  eachWord(s, false, (start, end) => {
    const text = s.slice(start, end);
    const lower = text.toLowerCase();
    tokens.push({ text, lower: lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower, start, end });
  });
  return tokens;
}

/** The words of `unit.masked`, found on first use (shared: callers must not modify the array). */
export function unitTokens(unit: Unit): readonly Token[] {
  return (unit.tokens ??= tokenize(unit.masked));
}
