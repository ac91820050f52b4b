// Article metadata from the text itself: title (first line), publication date from a
// dateline, agency/source and byline. Also marks the lines that are metadata rather
// than story, so the claim rules never read them.
import * as chrono from 'chrono-node/en';
import { CALENDAR_HINT, isoDay } from './dates.js';
import { paragraphs, type Span } from './segment.js';

export interface TextMetadata {
  title: string;
  date: string | null;
  /** The words the date was read from. */
  dateText: string | null;
  source: string | null;
  byline: string | null;
  /** Where the body starts (after the title line). */
  bodyStart: number;
  /** Spans of the body that are metadata (date lines, SOURCE:, By …) and hold no claims. */
  skip: Span[];
}

export const SOURCE_LINE = /^\s*(?:SOURCE|Source|Sources?|Agency)\s*:\s*(.+?)\s*$/;
export const BYLINE = /^\s*(?:By|BY|Written by|Reporting by)\s+(\p{Lu}[\p{L}.'\u2019 -]+?)\s*(?:[,;|]\s*(.+))?$/u;
// "SEOUL, Oct 22 (AFP) -", "MANILA, July 8 (Newswire) -", "CASTELMAR, Nov. 19, 2024 —"
const DATELINE_OPENER = /^((?:\p{Lu}[\p{Lu}\p{L}.'’ -]*?)),\s+([^()\u2014\u2013]{3,40}?)\s*(?:\(([^)]{1,60})\))?\s*[-\u2013\u2014]{1,2}\s+/u;
// "LONDON (Reuters) -": a place and an agency with no date.
const PLACE_OPENER = /^(\p{Lu}[\p{Lu} .'’-]{2,40}?)(?:,\s+[\p{L} .'’-]{2,40}?)?\s*\(([^)]{1,60})\)\s*[-\u2013\u2014]{1,2}\s+/u;
/** Whether a line that starts with this character code (not white space) may match SOURCE_LINE: "S…", "A…". */
export const mayOpenSourceLine = (c: number) => c === 83 || c === 65;
/** Whether a line that starts with this character code (not white space) may match BYLINE: "By", "BY", "Written by", "Reporting by". */
export const mayOpenByline = (c: number) => c === 66 || c === 87 || c === 82;
const DATE_ONLY_LINE = /^[\s\p{L}.,:]*\d[\d\s\p{L}.,:/-]*$/u;

/** Years written in the text, for a dateline that gives only month and day. */
function latestYearIn(text: string): number | null {
  let latest: number | null = null;
  for (const m of text.matchAll(/\b(19\d\d|20\d\d)\b/g)) {
    const y = Number(m[1]);
    if (latest === null || y > latest) latest = y;
  }
  return latest;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
// The three dateline shapes most copy uses, read without chrono (which costs more
// than parsing the rest of a short article): "October 22, 2024", "14 March 2025", ISO.
const COMMON_DATES: [RegExp, (m: RegExpExecArray) => [number | null, number, number]][] = [
  [new RegExp(`^\\s*(?:[a-z]+,?\\s+)?${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\s*$`, 'i'), (m) => [Number(m[3]), MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2])]],
  [new RegExp(`^\\s*(?:[a-z]+,?\\s+)?(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\s*$`, 'i'), (m) => [Number(m[3]), MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1])]],
  [/^\s*(\d{4})-(\d{2})-(\d{2})\s*$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
];

function readDate(phrase: string, text: string, fallbackYear: number): { date: string; text: string } | null {
  for (const [re, read] of COMMON_DATES) {
    const m = re.exec(phrase);
    if (!m) continue;
    const [year, month, day] = read(m);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { date: isoDay(year ?? fallbackYear, month, day), text: phrase.trim() };
  }
  if (!CALENDAR_HINT.test(phrase)) return null;
  const [hit] = chrono.strict.parse(phrase, new Date(Date.UTC(fallbackYear, 6, 1)));
  if (!hit || !hit.start.isCertain('day') || !hit.start.isCertain('month')) return null;
  const year = hit.start.isCertain('year') ? hit.start.get('year')! : (latestYearIn(text) ?? fallbackYear);
  return { date: isoDay(year, hit.start.get('month')!, hit.start.get('day')!), text: hit.text.trim() };
}

export interface MetadataOptions {
  /** Year assumed when a dateline gives none and the text names no year. */
  fallbackYear: number;
}

export function readMetadata(text: string, options: MetadataOptions): TextMetadata {
  const paras = paragraphs(text);
  const first = paras[0];
  const title = first ? text.slice(first.start, first.end).trim() : '';
  const bodyStart = first ? first.end : 0;
  const skip: Span[] = [];
  let date = null as { date: string; text: string } | null;
  let source: string | null = null;
  let byline: string | null = null;

  paras.slice(1).forEach((p, i) => {
    const line = text.slice(p.start, p.end);
    // Paragraphs are trimmed, so a line's first letter says whether either pattern can match.
    const opening = line.charCodeAt(0);
    const src = mayOpenSourceLine(opening) ? SOURCE_LINE.exec(line) : null;
    if (src) {
      source ??= src[1]!.trim();
      skip.push(p);
      return;
    }
    const by = mayOpenByline(opening) ? BYLINE.exec(line) : null;
    if (by && line.length < 120) {
      byline ??= by[1]!.trim();
      skip.push(p);
      return;
    }
    // A short line that is mostly a date, near the top: a dateline of its own
    // ("Updated 6:42 PM GMT+2, October 9, 2024", "Mon 20 Jan 2025 09.14 GMT").
    if (!date && i < 8 && line.length <= 80 && (DATE_ONLY_LINE.test(line) || (line.split(/\s+/).length <= 10 && !/[.!?]$/.test(line.trim())))) {
      const d = readDate(line, text, options.fallbackYear);
      if (d) {
        date ??= d;
        skip.push(p);
        return;
      }
    }
    const place = i < 8 ? PLACE_OPENER.exec(line) : null;
    if (place && !DATELINE_OPENER.exec(line)?.[0]) {
      source ??= place[2]!.trim();
      skip.push({ start: p.start, end: p.start + place[0].length });
      return;
    }
    if (!date && i < 8) {
      const opener = DATELINE_OPENER.exec(line);
      if (opener) {
        const d = readDate(opener[2]!, text, options.fallbackYear);
        if (d) {
          date = d;
          if (opener[3]) source ??= opener[3].trim();
          skip.push({ start: p.start, end: p.start + opener[0].length });
        }
      }
    }
  });

  return { title, date: date?.date ?? null, dateText: date?.text ?? null, source, byline, bodyStart, skip };
}
