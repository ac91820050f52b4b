// Resolves the date phrases that news text attaches to a statement ("said Friday",
// "yesterday", "on Oct. 3", "the following day") to calendar days. News reports
// what already happened, so a bare weekday or month-day is the latest such day on or
// before the article's date; chrono-node, which picks the closest one, is used only
// to read explicit calendar dates.
import * as chrono from 'chrono-node/en';
import { WEEKDAYS } from './lexicon.js';

export interface DateHit {
  date: string;
  text: string;
  index: number;
}

export function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function toUtc(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

function addDaysOnce(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Each answer costs parsing and formatting a Date, and an article counts its
// statements' days back from the same date again and again: answers are kept, by
// day then by shift (the article's date string is hashed once, not a joined key).
const shiftedDays = new Map<string, Map<number, string>>();
const weekdays = new Map<string, number>();
const DAY_CACHE_LIMIT = 5_000;

export function addDays(iso: string, days: number): string {
  let byShift = shiftedDays.get(iso);
  if (!byShift) {
    if (shiftedDays.size >= DAY_CACHE_LIMIT) shiftedDays.clear();
    byShift = new Map();
    shiftedDays.set(iso, byShift);
  }
  let day = byShift.get(days);
  if (day === undefined) {
    day = addDaysOnce(iso, days);
    byShift.set(days, day);
  }
  return day;
}

/** `toUtc(iso).getUTCDay()`, remembered like `addDays`. */
function weekdayOf(iso: string): number {
  let day = weekdays.get(iso);
  if (day === undefined) {
    if (weekdays.size >= DAY_CACHE_LIMIT) weekdays.clear();
    day = toUtc(iso).getUTCDay();
    weekdays.set(iso, day);
  }
  return day;
}

/** Month and day without a year: the latest such day not after `ref`. */
export function monthDayBefore(month: number, day: number, ref: string): string {
  const year = Number(ref.slice(0, 4));
  const same = isoDay(year, month, day);
  return same <= ref ? same : isoDay(year - 1, month, day);
}

const WEEKDAY_RE = new RegExp(
  `\\b(?:(last|this|earlier on|late on|early on|late|early|on)\\s+)?(${WEEKDAYS.join('|')})(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
  'i',
);

type Rule = ((phrase: string, ref: string, previous: string | null) => DateHit | null) & { pattern: RegExp };

/** A month name or a numeric date: without one, no calendar date can be in a phrase. */
export const CALENDAR_HINT = /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])|\bmay\s+\d|\d\s+may\b|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/i;

/** A rule, with the pattern without which it finds nothing. */
const rule = (pattern: RegExp, read: (phrase: string, ref: string, previous: string | null) => DateHit | null): Rule => Object.assign(read, { pattern });

const fixed = (re: RegExp, shift: (ref: string, previous: string | null) => string | null): Rule =>
  rule(re, (phrase, ref, previous) => {
    const m = re.exec(phrase);
    if (!m) return null;
    const date = shift(ref, previous);
    return date ? { date, text: m[0], index: m.index } : null;
  });

/** Rules in no particular order: the hit nearest the start of the phrase wins. */
const RULES: Rule[] = [
  fixed(/\b(?:the )?(?:following|next) day\b|\ba day later\b/i, (ref, prev) => addDays(prev ?? ref, 1)),
  fixed(/\bthe (?:previous|preceding) day\b|\ba day earlier\b|\bthe day before\b/i, (ref, prev) => addDays(prev ?? ref, -1)),
  fixed(/\bat the time\b/i, (ref, prev) => prev ?? ref),
  fixed(/\byesterday\b/i, (ref) => addDays(ref, -1)),
  fixed(/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/i, (ref) => ref),
  // Vague spans fall back to the article's date, as the annotation rules ask.
  fixed(/\b(?:(?:earlier|later) this|last|this) (?:week|month|year|weekend)\b|\brecently\b/i, (ref) => ref),
  rule(WEEKDAY_RE, (phrase, ref) => {
    const m = WEEKDAY_RE.exec(phrase);
    if (!m) return null;
    const target = WEEKDAYS.indexOf(m[2]!.toLowerCase() as (typeof WEEKDAYS)[number]);
    const today = weekdayOf(ref);
    let back = (today - target + 7) % 7;
    if (back === 0 && m[1]?.toLowerCase() === 'last') back = 7;
    return { date: addDays(ref, -back), text: m[0], index: m.index };
  }),
  // chrono is by far the slowest rule: asked only when a calendar date may be there.
  rule(CALENDAR_HINT, (phrase, ref) => {
    if (!CALENDAR_HINT.test(phrase)) return null;
    const [hit] = chrono.strict.parse(phrase, toUtc(ref));
    if (!hit || !hit.start.isCertain('day') || !hit.start.isCertain('month')) return null;
    const month = hit.start.get('month')!;
    const day = hit.start.get('day')!;
    const date = hit.start.isCertain('year') ? isoDay(hit.start.get('year')!, month, day) : monthDayBefore(month, day, ref);
    return { date, text: hit.text.trim(), index: hit.index };
  }),
];

/** Any rule's pattern: most places a date is looked for hold none, and one pass says so. */
const ANY_RULE = new RegExp(RULES.map((r) => `(?:${r.pattern.source})`).join('|'), 'i');

/**
 * The first date phrase in `phrase` resolved against the article's date `ref`;
 * `previous` is the date of the statement before, for "the following day".
 */
export function resolveDatePhrase(phrase: string, ref: string | null, previous: string | null): DateHit | null {
  if (!ref || !phrase.trim() || !ANY_RULE.test(phrase)) return null;
  let best: DateHit | null = null;
  for (const read of RULES) {
    const hit = read(phrase, ref, previous);
    if (hit && (!best || hit.index < best.index)) best = hit;
  }
  return best;
}
