// Words of a unit with their offsets. The narration scan (discourse) and the cue
// search (attribution) both walk every word of every unit, so a unit's words are
// found once and shared. Also the character-code tests for white space and words
// that the other parsing modules scan with instead of one-letter patterns.
import type { Unit } from './segment.js';

export interface Token {
  text: string;
  /** Lower case, curly apostrophe made straight: the form the word lists hold. */
  lower: string;
  start: number;
  end: number;
}

/** What `\s` and `String.prototype.trim` take for white space, by character code. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The first `n` white-space separated words of `s`, joined by single spaces: what
 * `s.trim().split(/\s+/).slice(0, n).join(' ')` gives, without splitting the whole
 * rest of the sentence into words to keep five of them.
 */
export function firstWords(s: string, n: number): string {
  const out: string[] = [];
  let i = 0;
  while (out.length < n) {
    while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
  }
  return out.join(' ');
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

/** A word as the word lists hold it: lower case, curly apostrophe made straight. */
export function lowerWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower;
}

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  eachWord(s, false, (start, end) => {
    const text = s.slice(start, end);
    tokens.push({ text, lower: lowerWord(text), start, end });
  });
  return tokens;
}

/** The words of `unit.masked`, found on first use (shared: callers must not modify the array). */
export function unitTokens(unit: Unit): readonly Token[] {
  return (unit.tokens ??= tokenize(unit.masked));
}
