// Splits article text into paragraphs, quotations and sentence-like units, keeping
// every offset into the original text so that evidence can always be sliced back.
import { ABBREVIATIONS } from './lexicon.js';
import { isSpaceCode, type Token } from './tokens.js';

export interface Span {
  start: number;
  end: number;
}

export interface Quote extends Span {
  /** Offsets of the quoted words, without the marks. */
  innerStart: number;
  innerEnd: number;
  /** A quotation that frames a whole utterance, as opposed to a few words quoted in running text. */
  full: boolean;
  /** Still open at the end of its paragraph (news style continues it in the next one). */
  open: boolean;
  /** Opens a paragraph that continues the previous paragraph's open quotation. */
  continues: boolean;
}

export interface Unit extends Span {
  text: string;
  paragraph: number;
  quotes: Quote[];
  /** `text` with the words of full quotations blotted out, so cues inside them are not seen. */
  masked: string;
  /** The words of `masked`, kept by `unitTokens` on first use; a unit cut shorter drops them. */
  tokens?: readonly Token[] | undefined;
}

/** Character that replaces quoted words in `masked`; never a word character. */
export const BLOT = '\u2588';

/** Lines of `text` from `from` on that hold more than white space, trimmed. */
export function paragraphs(text: string, from = 0): Span[] {
  // Offsets only: every article is read this way twice, and match objects and trimmed
  // copies of each line were most of what it cost.
  const out: Span[] = [];
  for (let i = from; i < text.length; ) {
    const newline = text.indexOf('\n', i);
    const lineEnd = newline < 0 ? text.length : newline;
    let start = i;
    let end = lineEnd;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
    i = lineEnd + 1;
  }
  return out;
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}|\p{N}/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Finds quotations in one paragraph. Double quotes (curly or straight) and curly single
 * quotes are recognised; a curly apostrophe inside a word is not a closing mark.
 * Quotes nested inside another are part of the outer one.
 */
export function findQuotes(text: string, para: Span): Quote[] {
  const quotes: Quote[] = [];
  let open: { start: number; kind: 'double' | 'single' } | null = null;
  let nested = 0;
  // Only quote marks change anything below: jump from one to the next.
  const marks = /["\u201c\u201d\u2018\u2019]/g;
  marks.lastIndex = para.start;
  for (let hit = marks.exec(text); hit && hit.index < para.end; hit = marks.exec(text)) {
    const i = hit.index;
    const c = hit[0];
    const prev = i > para.start ? text[i - 1] : undefined;
    const next = i + 1 < para.end ? text[i + 1] : undefined;
    if (!open) {
      if (c === '\u201c' || (c === '"' && !isLetter(prev))) open = { start: i, kind: 'double' };
      else if (c === '\u2018' && !isLetter(prev)) open = { start: i, kind: 'single' };
      continue;
    }
    if (open.kind === 'double') {
      if (c === '\u201d' || (c === '"' && !(isSpace(prev) && isLetter(next)))) {
        quotes.push(makeQuote(open.start, i + 1, false));
        open = null;
      }
    } else {
      if (c === '\u201c') nested++;
      else if (c === '\u201d' && nested > 0) nested--;
      else if (c === '\u2019' && nested === 0 && !isLetter(next) && !isSpace(prev)) {
        quotes.push(makeQuote(open.start, i + 1, false));
        open = null;
      }
    }
  }
  if (open) quotes.push(makeQuote(open.start, para.end, true));
  return quotes;

  function makeQuote(start: number, end: number, isOpen: boolean): Quote {
    return { start, end, innerStart: start + 1, innerEnd: isOpen ? end : end - 1, full: false, open: isOpen, continues: false };
  }
}

/**
 * A quotation is "full" when it stands apart from the running sentence: it opens the
 * sentence or follows a colon or comma, and reads as an utterance (capitalised, or
 * ending in punctuation). Words quoted inside a clause ("dismissed it as "fabricated"")
 * stay part of the sentence, so cues and subjects around them remain visible.
 */
function classifyQuote(text: string, q: Quote, sentenceStart: number): boolean {
  if (q.continues) return true;
  let j = q.start - 1;
  while (j >= sentenceStart && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  const before = j < sentenceStart ? '' : text[j]!;
  const standsApart = before === '' || before === ':' || before === ',' || before === '\u2014' || before === '-' || before === '(';
  if (!standsApart) return false;
  const inner = text.slice(q.innerStart, q.innerEnd).trim();
  if (!inner) return false;
  return /^[\p{Lu}\p{N}\u2018\u201c"'.…]/u.test(inner) || /[,.!?…:;]$/.test(inner) || q.open;
}

/** `/[\p{L}.]/u` for the character at `i`, without a one-letter string for the common ASCII case. */
function isLetterOrDotAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return /[\p{L}.]/u.test(text[i]!);
}

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((w) => w.length));

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && isLetterOrDotAt(text, k)) k--;
  const word = text.slice(k + 1, dot);
  if (!word) return false;
  // Each test below is guarded by the length or character it needs, since most words
  // before a full stop are ordinary words ending a sentence.
  if (word.length <= 2 && /^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (word.includes('.') && /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  // Lower-casing never shortens a word, so one longer than every abbreviation is none.
  return word.length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(word.toLowerCase());
}

/** Closing quote marks and brackets that may follow a sentence's full stop. */
const isClosingMark = (c: number) => c === 0x201d || c === 0x2019 || c === 34 || c === 39 || c === 41 || c === 93;

/** `/[\p{Lu}\p{N}\u201c\u2018"]/u` for the character at `k`: what may start a sentence. */
function opensSentence(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34;
  return /[\p{Lu}\p{N}\u201c\u2018"]/u.test(text[k]!);
}

/**
 * Longest unit handed to the attribution rules. Real sentences are far shorter; text
 * without sentence punctuation is cut here so that no rule ever sees more than this.
 */
export const MAX_UNIT = 2000;

/** Sentence units of one paragraph; a sentence boundary inside a full quotation is ignored. */
function splitUnits(text: string, para: Span, quotes: Quote[], paragraph: number): Unit[] {
  const units: Unit[] = [];
  let start = para.start;
  // Quotes are in text order and so are candidate boundaries: walk them together.
  const full = quotes.filter((q) => q.full);
  let qi = 0;
  const insideFull = (i: number) => {
    while (qi < full.length && full[qi]!.end <= i) qi++;
    const q = full[qi];
    return q && i > q.start && i < q.end - (q.open ? 0 : 1) ? q : undefined;
  };
  // Jump from one sentence mark to the next rather than stepping through every character.
  const marks = /[.!?\u2026]/g;
  marks.lastIndex = para.start;
  for (let hit = marks.exec(text); hit && hit.index < para.end; hit = marks.exec(text)) {
    const i = hit.index;
    const c = text[i]!;
    if (c === '.' && isAbbreviation(text, i)) continue;
    let j = i + 1;
    while (j < para.end && isClosingMark(text.charCodeAt(j))) j++;
    if (j >= para.end) break;
    if (!isSpaceCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < para.end && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= para.end) break;
    if (!opensSentence(text, k)) continue;
    const q = insideFull(i);
    if (q && j < q.end) continue;
    units.push(makeUnit(start, j));
    start = k;
  }
  if (start < para.end) units.push(makeUnit(start, para.end));
  return units.some((u) => u.end - u.start > MAX_UNIT) ? units.flatMap(capLength) : units;

  function capLength(unit: Unit): Unit[] {
    if (unit.end - unit.start <= MAX_UNIT) return [unit];
    const out: Unit[] = [];
    let s = unit.start;
    while (unit.end - s > MAX_UNIT) {
      const space = text.lastIndexOf(' ', s + MAX_UNIT);
      const e = space > s + MAX_UNIT / 2 ? space : s + MAX_UNIT;
      out.push(makeUnit(s, e));
      s = e;
    }
    out.push(makeUnit(s, unit.end));
    return out;
  }

  function makeUnit(s: number, e: number): Unit {
    const own = quotes.filter((q) => q.start >= s && q.start < e);
    return { start: s, end: e, text: text.slice(s, e), paragraph, quotes: own, masked: '', tokens: undefined };
  }
}

function mask(unit: Unit): string {
  if (!unit.quotes.some((q) => q.full)) return unit.text;
  // Offsets are UTF-16 code units; split('') keeps them aligned.
  const out = unit.text.split('');
  for (const q of unit.quotes) {
    if (!q.full) continue;
    for (let i = Math.max(q.innerStart, unit.start); i < Math.min(q.innerEnd, unit.end); i++) out[i - unit.start] = BLOT;
  }
  return out.join('');
}

/** All units of the body, in order, with quotations classified and blotted. */
export function segment(text: string, bodyStart: number): Unit[] {
  const paras = paragraphs(text, bodyStart);
  const units: Unit[] = [];
  let prevOpen = false;
  paras.forEach((para, index) => {
    const quotes = findQuotes(text, para);
    const first = quotes[0];
    if (prevOpen && first && text.slice(para.start, first.start).trim() === '') first.continues = true;
    prevOpen = quotes.at(-1)?.open ?? false;
    // Classify with a provisional split on raw punctuation, then split for real so
    // that sentence ends inside full quotations are skipped.
    for (const q of quotes) q.full = classifyQuote(text, q, sentenceStartBefore(text, para, q.start));
    for (const unit of splitUnits(text, para, quotes, index)) {
      unit.masked = mask(unit);
      units.push(unit);
    }
  });
  return units;
}

function sentenceStartBefore(text: string, para: Span, at: number): number {
  // Bounded look-back: a quotation's lead-in is never longer than this.
  const floor = Math.max(para.start, at - 400);
  for (let i = at - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && isSpaceCode(text.charCodeAt(i + 1)) && !isAbbreviation(text, i)) return i + 1;
  }
  return floor;
}
