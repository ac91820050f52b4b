// Property-based tests: whatever the text, the parser returns well-formed claims.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseResultSchema } from '../src/model.js';
import { parseArticle } from '../src/parse/index.js';
import { paragraphs } from '../src/parse/segment.js';
import { firstNormWordOfAscii, lastWordAfterSpaceCapitalised, norm, secondWordCapitalised, startsWithCapital } from '../src/parse/discourse.js';
import { BYLINE, mayOpenByline, mayOpenSourceLine, SOURCE_LINE } from '../src/parse/metadata.js';
import { eachWord, firstWords, isSpaceCode, tokenize } from '../src/parse/tokens.js';
import { endsInCommaOrStop } from '../src/parse/attribution.js';
import { registry } from './helpers/parse.js';

// Text built from pieces that trigger the parser's rules, so random inputs reach them.
const piece = fc.constantFrom(
  'said', 'told reporters', 'denied', ' declined to comment', 'according to', 'citing', '"', '“', '”', '‘', '’', "'",
  ', ', '. ', '\n', '\n\n', ': ', 'he', 'She', 'The ministry', 'Dr. Ana Roe', 'on Monday', 'yesterday', 'Oct. 3',
  'Neither NATO nor', 'Both', ' and ', 'who', 'which', ' — ', 'SOURCE: AFP', 'By Jo Lin', '2025-03-14', 'NATO', 'Seoul',
);
const articleText = fc.oneof(fc.string({ maxLength: 400 }), fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 80 }).map((parts) => parts.join('')));

describe('parser properties', () => {
  it('never throws, keeps offsets inside the text and cites exactly the span it points to', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const result = parseArticle(text, { registry, fallbackYear: 2025 });
        ParseResultSchema.parse(result);
        for (const c of result.claims) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThanOrEqual(c.end);
          expect(text.slice(c.start, c.end)).toBe(c.sentence);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const a = parseArticle(text, { registry, fallbackYear: 2025 });
        const b = parseArticle(text, { registry, fallbackYear: 2025 });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});

describe('word scan', () => {
  // The scan replaces these patterns for speed; it must find exactly what they find.
  const TOKEN = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;
  const WORD = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;
  const char = fc.constantFrom('a', 'B', 'z', '9', ' ', "'", '\u2019', '-', '.', 'é', 'Ж', '\u2588', '\u201c', '\u201d', '\u{1D400}', '😀', 'İ', '\n', ',', '\u00a0', '٣', '中', '\u0301', '\uD800');
  const text = fc.oneof(fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')), fc.string({ maxLength: 40, unit: 'binary' }));
  const scan = (s: string, dots: boolean) => {
    const out: [number, string][] = [];
    eachWord(s, dots, (start, end) => out.push([start, s.slice(start, end)]));
    return out;
  };

  it('finds the same words, at the same offsets, as the Unicode word patterns', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(scan(s, false)).toEqual([...s.matchAll(TOKEN)].map((m) => [m.index, m[0]]));
        expect(scan(s, true)).toEqual([...s.matchAll(WORD)].map((m) => [m.index, m[0]]));
        expect(tokenize(s).map((t) => t.text)).toEqual(s.match(TOKEN) ?? []);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('white space by character code', () => {
  // Sentence splitting and trimming test character codes, for speed, where they used
  // \s and String.prototype.trim: the two must agree on every UTF-16 code unit.
  it('is exactly what \\s and trim() take for white space', () => {
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/.test(ch) || isSpaceCode(c) !== (ch.trim() === '')) disagree.push(c);
    }
    expect(disagree).toEqual([]);
  });

  it('finds paragraphs as the line pattern and trim() did', () => {
    const old = (text: string, from: number) => {
      const out: { start: number; end: number }[] = [];
      const re = /[^\n]+/g;
      re.lastIndex = from;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const lead = m[0].length - m[0].trimStart().length;
        const trail = m[0].length - m[0].trimEnd().length;
        if (m[0].trim()) out.push({ start: m.index + lead, end: m.index + m[0].length - trail });
      }
      return out;
    };
    const lines = fc.array(fc.constantFrom('a', 'B c', ' ', '\t', '\n', '\n\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '“x”', '.'), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(lines, fc.nat(40), (text, from) => {
        expect(paragraphs(text, Math.min(from, text.length))).toEqual(old(text, Math.min(from, text.length)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('comma or full stop before a word', () => {
  // endsInCommaOrStop replaces this pattern on the text before a word; it must agree everywhere.
  const PATTERN = /[,.]\s*$/;
  const char = fc.constantFrom('a', 'Z', ',', '.', ';', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', '\u200b', '\u2588', '\u201d', '。', '，');
  const text = fc.oneof(fc.array(char, { maxLength: 16 }).map((cs) => cs.join('')), fc.string({ maxLength: 20, unit: 'binary' }));

  it('says what /[,.]\\s*$/ says of the text up to every offset', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (let end = 0; end <= s.length; end++) expect(endsInCommaOrStop(s, end)).toBe(PATTERN.test(s.slice(0, end)));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees after every single character code', () => {
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      for (const s of [`x${String.fromCharCode(c)}`, `,${String.fromCharCode(c)}`, `${String.fromCharCode(c)} `]) {
        if (endsInCommaOrStop(s, s.length) !== PATTERN.test(s)) disagree.push(c);
      }
    }
    expect(disagree).toEqual([]);
  });
});

describe('scans that stand in for patterns', () => {
  // Characters each scan tells apart: capitals (ASCII, accented, from outside the BMP),
  // other letters, white space of every kind, apostrophes, quote marks and dots.
  const char = fc.constantFrom('a', 'Z', 'É', 'é', 'İ', '𝐀', '𝐚', '7', "'", '\u2019', '\u2018', '"', '.', ',', '-', ' ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u2588');
  const text = fc.oneof(fc.array(char, { maxLength: 16 }).map((cs) => cs.join('')), fc.string({ maxLength: 20, unit: 'binary' }));

  it('firstWords says what trim, split on white space, slice and join say', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), (s, n) => {
        expect(firstWords(s, n)).toBe(s.trim().split(/\s+/).slice(0, n).join(' '));
      }),
      { numRuns: 3000 },
    );
  });

  it('the capital tests say what their patterns say', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(startsWithCapital(s)).toBe(/^\p{Lu}/u.test(s));
        expect(secondWordCapitalised(s)).toBe(/^\S*\s+\p{Lu}/u.test(s));
        expect(lastWordAfterSpaceCapitalised(s)).toBe(/\s\p{Lu}\S*$/u.test(s));
      }),
      { numRuns: 3000 },
    );
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (startsWithCapital(ch) !== /^\p{Lu}/u.test(ch)) expect(c).toBe(-1);
      if (secondWordCapitalised(`x ${ch}`) !== /^\p{Lu}/u.test(ch)) expect(c).toBe(-1);
    }
  });

  it('the capital tests hold wherever the patterns they guard match', () => {
    // Copies of the guarded patterns in discourse.ts (INTRO and appositiveName's).
    const INTRO = /^((?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})(?=,\s+(?:a|an|the|who|\d)\b|\s+(?:of|who)\s)/u;
    const APPOSITIVE = /\s(\p{Ll}[\p{L}-]*)\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u;
    const words = fc.constantFrom('Dr', 'Dr.', 'Mr', 'Ana', 'Roe', 'Émile', 'the', 'sports', 'daily', 'of', 'who', ',', 'a', '44', "O'Neil", 'Gol', 'Diário', '𝐀b');
    const spaces = fc.constantFrom(' ', '  ', '\t', '\u00a0', ', ');
    const phrase = fc.array(fc.tuple(words, spaces), { minLength: 1, maxLength: 7 }).map((ps) => ps.map(([w, sp]) => w + sp).join('').trimEnd());
    fc.assert(
      fc.property(phrase, (s) => {
        if (INTRO.test(s)) expect(startsWithCapital(s) && secondWordCapitalised(s)).toBe(true);
        if (APPOSITIVE.test(s)) expect(lastWordAfterSpaceCapitalised(s)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("firstNormWordOfAscii gives norm's first word, or declines", () => {
    const ascii = fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x00-\x7f]/g, ''));
    fc.assert(
      fc.property(fc.oneof(text, ascii), (s) => {
        const first = firstNormWordOfAscii(s);
        if (first !== undefined) expect(first).toBe(norm(s).split(' ')[0]);
        if (/^[\x00-\x7f]*$/.test(s)) expect(first).not.toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('a metadata line that fails the first-letter test fails its pattern', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.tuple(fc.constantFrom('SOURCE', 'Source', 'Sources', 'Agency', 'By', 'BY', 'Written by', 'Reporting by', 'by', 'source'), fc.constantFrom(': AFP', ' Jo Lin', ':x', ' Ana Roe, Seoul')).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(line, (raw) => {
        const s = raw.trim();
        if (!s) return;
        if (!mayOpenSourceLine(s.charCodeAt(0))) expect(SOURCE_LINE.test(s)).toBe(false);
        if (!mayOpenByline(s.charCodeAt(0))) expect(BYLINE.test(s)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
