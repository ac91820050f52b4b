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

const TOKEN = /[\p{L}\p{N}]+(?:['\u2019\-][\p{L}\p{N}]+)*/gu;

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
    const lower = m[0].toLowerCase();
    tokens.push({ text: m[0], lower: lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

const byUnit = new WeakMap<Unit, readonly Token[]>();

/** The words of `unit.masked` (shared: callers must not modify the array). */
export function unitTokens(unit: Unit): readonly Token[] {
  let tokens = byUnit.get(unit);
  if (!tokens) {
    tokens = tokenize(unit.masked);
    byUnit.set(unit, tokens);
  }
  return tokens;
}
