// Noun-phrase work for speakers: finding the subject of a reporting verb, cutting
// appositions and relative clauses, splitting coordinated sources, and reading a
// proper name out of a title-laden mention. Works on the masked unit text, so
// quoted words are never mistaken for a speaker.
import {
  ADVERBS,
  AUXILIARIES,
  DETERMINERS,
  IRREGULAR_PAST,
  ORGANISATION_NOUNS,
  PERSON_NOUNS,
  PREPOSITIONS,
  PRONOUNS,
  REFLEXIVES,
  SUBORDINATORS,
  TITLES,
  WEEKDAYS,
} from './lexicon.js';
import { BLOT } from './segment.js';
import { eachWord, isSpaceCode, lowerWord } from './tokens.js';

/** A noun phrase found in a unit, offsets relative to the unit. */
export interface Phrase {
  start: number;
  end: number;
  text: string;
}

/** The source of one attribution as the text gives it. */
export interface SubjectNP {
  /** Whole mention: head plus appositions ("Its chairman, Víctor Pallas"). */
  mention: Phrase;
  /** The first chunk ("Its chairman"). */
  head: Phrase;
  /** A proper-name apposition, when one follows the head ("Víctor Pallas"). */
  name: Phrase | null;
  /** Other descriptive chunks (appositions, relative clauses), for later back-references. */
  descriptors: string[];
  /** Everything taken as the subject, relative clauses included. */
  extent: Phrase;
}

export interface LeftSubject extends SubjectNP {
  /** When the subject closes the sentence (`…, the agency said.`): the clause before it. */
  precedingClause: Phrase | null;
}

/**
 * Remembers a pure function's answers for recent arguments: the same mentions and
 * chunks are looked at again and again while an article (or a batch) is parsed.
 */
export function memo<R>(fn: (s: string) => R, limit = 20_000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as R;
    if (cache.size >= limit) cache.clear();
    const value = fn(s);
    cache.set(s, value);
    return value;
  };
}

/**
 * What the speaker rules ask of one text: its words and, found on first use, whether
 * they are a proper name and which person's name ends them. One cache entry answers
 * all three: a text met again (a head, a mention) is looked up once, not per question.
 */
export interface TextFacts {
  /** Shared: callers must not modify the array. */
  readonly words: readonly string[];
  properName: boolean | undefined;
  personName: string | null | undefined;
  /** The last word, lower case and without a possessive (see discourse), found on first use. */
  lastWord: string | undefined;
}

export const factsOf: (s: string) => TextFacts = memo((s) => {
  const out: string[] = [];
  eachWord(s, true, (start, end) => out.push(s.slice(start, end)));
  return { words: out, properName: undefined, personName: undefined, lastWord: undefined };
});

/** The words of `s` (shared: callers must not modify the array). */
export const words = (s: string): readonly string[] => factsOf(s).words;

const DATE_TAIL = new RegExp(
  `(?:\\s*,)?\\s+(?:(?:on|late on|early on|earlier on|late|early|last|this)\\s+)?(?:${WEEKDAYS.join('|')})(?:\\s+(?:morning|afternoon|evening|night))?\\s*$` +
    `|\\s+(?:yesterday|today|earlier this week|last week|this week|earlier this month|last month|at the time)\\s*$` +
    `|\\s+on\\s+\\p{Lu}\\p{L}+\\.?\\s+\\d{1,2}\\s*$|\\s+on\\s+\\d{1,2}\\s+\\p{Lu}\\p{L}+\\s*$`,
  'iu',
);
const DATE_HEAD = new RegExp(
  `^(?:(?:on|late on|early on|earlier on|by|late|early|last)\\s+)?(?:${WEEKDAYS.join('|')}|yesterday|today)(?:\\s+(?:morning|afternoon|evening|night))?\\s+(?!(?:morning|afternoon|evening|night)\\b)(?:also,?\\s+)?` +
    `|^on\\s+(?:\\p{Lu}\\p{L}+\\.?\\s+\\d{1,2}|\\d{1,2}\\s+\\p{Lu}\\p{L}+)\\s+`,
  'iu',
);

/**
 * `re`, a pattern anchored at the end of the text, tried on the last stretch of `s`
 * only: an engine tries an end-anchored pattern from every position. A match that
 * begins at the cut may reach further left, so that case reads the whole text. The
 * patterns here are short but for their whitespace, so the stretch decides alone
 * unless a run of spaces is longer than it (the callers trim trailing ones first).
 */
function execAtEnd(re: RegExp, s: string): RegExpExecArray | null {
  const from = s.length - 160;
  if (from <= 0) return re.exec(s);
  const m = re.exec(s.slice(from));
  if (!m) return null;
  if (m.index === 0) return re.exec(s);
  m.index += from;
  return m;
}

const LAST_WORD = /(?:^|[\s\u201c"\u2018])([\p{L}']+)\s*$/u;

/**
 * Every match of DATE_TAIL holds one of these (weekdays, "yesterday" and "today" end
 * in "day"); the same flags make the same letters equal. Most subjects hold none, and
 * this plain search is much cheaper than trying DATE_TAIL at every position.
 */
const DATE_TAIL_WORD = /day|week|month|time|\d/iu;

/** `s` without the characters at its end for which `drop` holds. */
function trimEndWhere(s: string, drop: (c: number) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

const isSpaceOrOpeningQuote = (c: number) => isSpaceCode(c) || c === 0x201c || c === 34 || c === 0x2018;
const isSpaceOrComma = (c: number) => isSpaceCode(c) || c === 44;

/** Drops adverbs, auxiliaries, negation and date phrases between a subject and its verb. */
function trimVerbGap(s: string): string {
  let out = s.trimEnd();
  // "X, who …, confirmed": a comma right before the verb leaves nothing to trim.
  if (out.endsWith(',')) return out.slice(0, -1);
  for (;;) {
    const before = out;
    const date = DATE_TAIL_WORD.test(out) ? execAtEnd(DATE_TAIL, out) : null;
    if (date) out = out.slice(0, date.index);
    out = trimEndWhere(out, isSpaceOrOpeningQuote);
    const m = execAtEnd(LAST_WORD, out);
    if (m) {
      const w = lowerWord(m[1]!);
      if (ADVERBS.has(w) || AUXILIARIES.has(w) || w === 'not' || w === "n't") out = out.slice(0, m.index);
    }
    if (out === before) return trimEndWhere(out, isSpaceOrComma);
  }
}

/** Finite verb groups in a chunk: one auxiliary or past-tense verb, plus any verbs right after it. */
function verbGroups(chunk: string): number {
  let groups = 0;
  let inGroup = false;
  let infinitive = false;
  const ws = words(chunk);
  ws.forEach((w, i) => {
    const lw = lowerWord(w);
    const prev = i > 0 ? lowerWord(ws[i - 1]!) : '';
    const next = lowerWord(ws[i + 1] ?? '');
    const isVerb =
      AUXILIARIES.has(lw) ||
      IRREGULAR_PAST.has(lw) ||
      // "MPs contacted by the BBC": a participle modifying a noun, not a finite verb.
      (/^[a-z]{3,}ed$/.test(lw) && !w.includes('-') && !DETERMINERS.has(prev) && !/'s$/.test(prev) && i > 0 && next !== 'by');
    // After "to" the verbs are an infinitive ("asked not to be named"), not finite.
    if (prev === 'to' && isVerb) infinitive = true;
    else if (!isVerb) infinitive = false;
    if (isVerb && !inGroup && !infinitive) groups++;
    inGroup = (isVerb && !infinitive) || (inGroup && (lw === 'not' || lw === 'to' || ADVERBS.has(lw)));
  });
  return groups;
}

export type ChunkKind = 'pronoun' | 'relative' | 'age' | 'participle' | 'adjunct' | 'clause' | 'np' | 'empty';

const RELATIVE_START = /^(?:who|whom|whose|which|where|that)\b/i;

export const classifyChunk: (chunk: string) => ChunkKind = memo(classifyChunkOnce);

function classifyChunkOnce(chunk: string): ChunkKind {
  const t = chunk.trim();
  if (!t || t.includes(BLOT)) return t ? 'clause' : 'empty';
  const ws = words(t);
  const first = lowerWord(ws[0] ?? '');
  if (ws.length === 1 && PRONOUNS[first]) return 'pronoun';
  if (ws.length === 2 && PRONOUNS[first] && REFLEXIVES.has(lowerWord(ws[1]!))) return 'pronoun';
  if (RELATIVE_START.test(t)) return 'relative';
  if (/^\d+$/.test(t)) return 'age';
  if (/^\p{L}+ing\b/iu.test(t) && !/^(?:king|wing|string|thing|building|morning|evening)\b/i.test(t) && !/^\p{Lu}\p{L}+ing\s+\p{Lu}/u.test(t)) return 'participle';
  if (/^(?:asked|pressed|questioned|contacted|reached|interviewed|sent|published|issued|released|signed|dated|posted|written|seen|quoted|cited|obtained|filed|delivered|given)\b/i.test(t)) return 'participle';
  // "hours after a poll showed the race tied": a time adjunct, not a clause.
  if (/^(?:\w+\s+){0,2}(?:hours?|days?|weeks?|months?|years?|minutes?|moments?|shortly|soon|just)\s+(?:after|before|since|later)\b/i.test(t)) return 'adjunct';
  if (SUBORDINATORS.has(first)) return 'adjunct';
  if (/^(?:earlier|later|late|early)\b/i.test(t) || DATE_HEAD.test(`${t} `) && DATE_HEAD.exec(`${t} `)![0].trim() === t) return 'adjunct';
  if (PREPOSITIONS.has(first)) return 'adjunct';
  if (ws.every((w) => ADVERBS.has(lowerWord(w)))) return 'adjunct';
  // Only a relative clause may hold a verb inside a noun phrase; a second verb group
  // after it ("an attack that crippled X has forced Y") makes the chunk a clause.
  const rel = /\s(?:who|whom|whose|which|that)\s/i.exec(t);
  const lead = rel ? t.slice(0, rel.index) : t;
  if (verbGroups(lead) > 0) return 'clause';
  if (rel && verbGroups(t.slice(rel.index)) > 1) return 'clause';
  if (!/^[\p{Lu}\p{N}'\u2018\u201c"]/u.test(t) && !DETERMINERS.has(first) && !/'s$|\u2019s$/.test(ws[0] ?? '') && !TITLES.has(first) && !(ws.length <= 6 && personName(t))) {
    // A lower-case start that is no determiner: "founder of X" passes, a verb phrase does not.
    if (!/^(?:founder|head|chief|director|owner|president|chairman|chairwoman|spokesman|spokeswoman|editor|member|one|two|three|four|five|six|seven|eight|nine|ten|reports|media)\b/i.test(t) && !PERSON_NOUNS.has(first) && !ORGANISATION_NOUNS.has(first))
      return 'clause';
  }
  if (ws.length > 16) return 'clause';
  return 'np';
}

/** Top-level comma chunks of `s`, with offsets. */
function chunks(s: string, offset: number): Phrase[] {
  const out: Phrase[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth = Math.max(0, depth - 1);
    // "Cllr Martin Hale (Lib Dem, Brayford and Oakley)": a comma in brackets splits nothing.
    if (i === s.length || (s[i] === ',' && depth === 0)) {
      const raw = s.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      out.push({ start: offset + start + lead, end: offset + start + lead + text.length, text });
      start = i + 1;
    }
  }
  return out;
}

const SUBORDINATE = /\s(?:after|when|while|although|though|because|since|before|until|unless|once|whereas)\s+(?=[^,]*$)/gi;

const LEFT_BOUNDARY =
  /\u2588+[\u201d"\u2019]?\s*,?\s*|[,.!?][\u201d"\u2019]\s+|[;:\u2014]\s*|\s[-\u2013]\s|[\u201d"\u2019]\s*,\s*|,\s+(?:and|but|or|yet|so|while|whereas)\s+|\s+but\s+|(?:^|,\s*)(?:but|and|yet|so|still|however|when|while|as|after|before|because|since|although|though|whereas|if|unless|until|once|where),?\s+(?=\S)|\b(?:said|says|told|added|reported|claimed|insisted|argued|warned|stated|wrote)\s+(?:\w+\s+)?that\s+/gi;

/**
 * The subject of a reporting verb that starts at `cueStart` of the masked unit `m`,
 * looking left: the chunks from the start of the clause (or from the end of the
 * last clause, for `…, the agency said`) up to the verb.
 */
/** How far left of a cue its subject may start: no subject with its appositions is longer. */
const SUBJECT_REACH = 400;

export function leftSubject(m: string, cueStart: number): LeftSubject | null {
  const reach = Math.max(0, cueStart - SUBJECT_REACH);
  const left = m.slice(0, cueStart);
  let clauseStart = reach;
  let quoteClose: number | null = null;
  // "…, although independent experts cautioned": a subordinate clause that holds the cue.
  const near = left.slice(reach);
  // exec with lastIndex rather than matchAll, which copies the pattern on every call.
  SUBORDINATE.lastIndex = 0;
  for (let b = SUBORDINATE.exec(near); b; b = SUBORDINATE.exec(near)) {
    clauseStart = Math.max(clauseStart, reach + b.index + b[0].length);
  }
  LEFT_BOUNDARY.lastIndex = 0;
  for (let b = LEFT_BOUNDARY.exec(near); b; b = LEFT_BOUNDARY.exec(near)) {
    if (reach + b.index + b[0].length < clauseStart) continue;
    clauseStart = reach + b.index + b[0].length;
    // `Seoul's claims were "aimed at …," the representative told`: what precedes the
    // closing quote is what was said.
    quoteClose = /^[,.!?][\u201d"\u2019]/.test(b[0]) ? reach + b.index + 2 : null;
  }
  let segment = trimVerbGap(left.slice(clauseStart));
  const leadDate = DATE_HEAD.exec(segment);
  if (leadDate && classifyChunk(segment.slice(leadDate[0].length)) !== 'empty') {
    clauseStart += leadDate[0].length;
    segment = segment.slice(leadDate[0].length);
  }
  const parts = chunks(segment, clauseStart);
  const taken: Phrase[] = [];
  // `classifyChunk` of each taken chunk's text, kept beside it: the checks below and
  // `buildSubject` ask again, and a cached answer still costs a lookup of the text.
  const kinds: ChunkKind[] = [];
  let stoppedAt: Phrase | null = null;
  let stoppedKind: ChunkKind | null = null;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    const classified = classifyChunk(part.text);
    let kind = classified;
    if (kind === 'empty') continue;
    // "Connor Maddox, 24, of Fenwick Close, Aldbury,": an address belongs to the name.
    if (kind === 'adjunct' && /^of\s/i.test(part.text) && i > 0) kind = 'relative';
    if (kind === 'adjunct' && i === parts.length - 1 && /^with\s/i.test(part.text)) {
      // "with Seoul and Washington long claiming …": the subject follows "with".
      const inner = part.text.replace(/^with\s+/i, '');
      taken.unshift({ start: part.end - inner.length, end: part.end, text: inner });
      kinds.unshift(classifyChunk(inner));
      break;
    }
    if (kind === 'pronoun') {
      if (taken.length === 0) {
        taken.unshift(part);
        kinds.unshift(classified);
      } else {
        stoppedAt = part;
        stoppedKind = classified;
      }
      break;
    }
    // A participle ("speaking at a conference") belongs to the subject only if a noun
    // phrase comes before it; the check below drops it otherwise.
    if (kind === 'np' || kind === 'relative' || kind === 'age' || kind === 'participle') {
      taken.unshift(part);
      kinds.unshift(classified);
      continue;
    }
    stoppedAt = part;
    stoppedKind = classified;
    break;
  }
  // Drop leading non-NP chunks so the head is a noun phrase.
  while (taken.length && kinds[0] !== 'np' && kinds[0] !== 'pronoun') {
    taken.shift();
    kinds.shift();
  }
  if (!taken.length) return null;
  const np = buildSubject(m, taken, kinds);
  if (!np) return null;
  const precedingClause =
    stoppedAt && stoppedKind === 'clause'
      ? { start: 0, end: stoppedAt.end, text: m.slice(0, stoppedAt.end) }
      : quoteClose !== null && !stoppedAt
        ? { start: 0, end: quoteClose, text: m.slice(0, quoteClose) }
        : null;
  return { mention: np.mention, head: np.head, name: np.name, descriptors: np.descriptors, extent: np.extent, precedingClause };
}

/** The subject after an inverted verb (`"…," said Rachel Verhoeven, a lawyer.`) or after "according to"/"citing". */
export function rightSubject(m: string, from: number): SubjectNP | null {
  const rest = m.slice(from);
  const stop = /[.;:!?\u2014(]|\bthat\s|\s(?:and|but)\s+(?:said|told|added|declined|denied)\b/i.exec(rest);
  const span = stop ? rest.slice(0, stop.index) : rest;
  const parts = chunks(span, from);
  const taken: Phrase[] = [];
  const kinds: ChunkKind[] = [];
  for (const part of parts) {
    const kind = classifyChunk(part.text);
    if (taken.length === 0) {
      // After "according to" no finite verb can follow, so "a paper published on
      // Thursday" is a noun phrase with a participle, not a clause.
      const relaxed = kind === 'clause' && words(part.text).length <= 10 && !/\u2588/.test(part.text);
      if (kind !== 'np' && kind !== 'pronoun' && !relaxed) return null;
      taken.push(part);
      kinds.push(kind);
      continue;
    }
    if (kind === 'relative' || kind === 'age') {
      taken.push(part);
      kinds.push(kind);
      continue;
    }
    if (kind === 'np' && (isProperName(part.text) || /^(?:a|an|the|its|his|her|their)\s/i.test(part.text))) {
      taken.push(part);
      kinds.push(kind);
      continue;
    }
    break;
  }
  if (!taken.length) return null;
  return buildSubject(m, taken, kinds);
}

/** The subject made of the `taken` chunks; `kinds[i]` is `classifyChunk(taken[i].text)`. */
function buildSubject(m: string, taken: Phrase[], kinds: readonly ChunkKind[]): SubjectNP | null {
  const head = cleanHead(taken[0]!);
  if (!head.text) return null;
  const rest = taken.slice(1);
  // A head that is a name already keeps it: "Connor Maddox, 24, of Fenwick Close, Aldbury".
  const name = isProperName(head.text) ? null : (rest.find((p, i) => kinds[i + 1] === 'np' && isProperName(p.text)) ?? null);
  const last = rest.filter((_, i) => kinds[i + 1] === 'np').at(-1) ?? head;
  const mention = { start: head.start, end: last.end, text: m.slice(head.start, last.end) };
  const end = taken.at(-1)!.end;
  return { mention, head, name, descriptors: rest.map((p) => p.text), extent: { start: head.start, end, text: m.slice(head.start, end) } };
}

/** Cuts a relative clause off the head chunk and drops reflexives ("Ostrander himself"). */
function cleanHead(p: Phrase): Phrase {
  let text = p.text;
  const rel = /\s(?:who|whom|whose|which|that)\s/i.exec(text);
  if (rel) text = text.slice(0, rel.index);
  // "a charge the city's election commission flatly denied": a reduced relative clause;
  // the subject is the last noun phrase that opens with a determiner after a noun.
  const ws = CLAIM_NOUN_INSIDE.test(text) ? text.split(/\s+/) : [];
  for (let i = ws.length - 1; i > 0; i--) {
    const prev = lowerWord(ws[i - 1]!);
    // Only after a noun for a claim ("a charge the commission denied", "a claim
    // Karsovia's air force denied") does a new noun phrase start a reduced relative.
    if (!CLAIM_NOUNS.test(prev)) continue;
    const w = lowerWord(ws[i]!);
    const properStart = /^\p{Lu}/u.test(ws[i]!);
    if ((w === 'the' || properStart) && !PREPOSITIONS.has(prev) && !DETERMINERS.has(prev) && !/^(?:and|or|nor|of|both|neither|either)$/.test(prev) && /^[a-z]/.test(prev) && !TITLES.has(prev)) {
      text = ws.slice(i).join(' ');
      break;
    }
  }
  // (Each pattern only where the text ends as it needs: an end-anchored pattern is tried from every position.)
  if (/(?:self|selves)$/i.test(text.slice(-6))) text = text.replace(/\s+(?:himself|herself|itself|themselves)$/i, '');
  // "Cllr Martin Hale (Lib Dem, Brayford and Oakley)": the brackets describe, they do not name.
  if (text.trimEnd().endsWith(')')) text = text.replace(/\s*\([^)]*\)\s*$/, '');
  const offset = p.text.indexOf(text);
  return { start: p.start + Math.max(offset, 0), end: p.start + Math.max(offset, 0) + text.length, text };
}

const CLAIM_NOUNS = /^(?:claim|claims|charge|charges|allegation|allegations|accusation|accusations|assertion|assertions|account|version|report|reports|statement|suggestion|figure|figures|estimate|rumour|rumours|rumor|rumors|story)$/;
/** Whether a word of the text may be one of CLAIM_NOUNS: most heads hold none, and then need no splitting. */
const CLAIM_NOUN_INSIDE = /claim|charge|allegation|accusation|assertion|account|version|report|statement|suggestion|figure|estimate|rumou?r|story/i;

const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'van', 'von', 'al', 'el', 'bin', 'da', 'di', 'la', 'le', 'du', 'dos', 'das', 'ibn', 'y']);

/** All words capitalised (bar particles such as "van", "de"): "Víctor Pallas", "Dr. Ruth Adeyemi". */
export const isProperName = (s: string): boolean => properNameOf(factsOf(s));

export function properNameOf(facts: TextFacts): boolean {
  return (facts.properName ??= isProperNameOnce(facts.words));
}

function isProperNameOnce(ws: readonly string[]): boolean {
  if (ws.length === 0 || ws.length > 6) return false;
  if (DETERMINERS.has(lowerWord(ws[0]!))) return false;
  return ws.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w));
}

/**
 * A person's name inside a mention, titles removed: "Health Minister Rosalind
 * Haverkamp" → "Rosalind Haverkamp", "Almaré coach Henrik Sall" → "Henrik Sall".
 * Null when the mention ends in no capitalised run of two or more words.
 */
export const personName = (mention: string): string | null => personNameOf(factsOf(mention));

export function personNameOf(facts: TextFacts): string | null {
  if (facts.personName === undefined) facts.personName = personNameOnce(facts.words);
  return facts.personName;
}

function personNameOnce(ws: readonly string[]): string | null {
  let i = ws.length;
  while (i > 0 && (/^\p{Lu}/u.test(ws[i - 1]!) || NAME_PARTICLES.has(ws[i - 1]!))) i--;
  let run = ws.slice(i);
  // Titles may be capitalised too: cut after the last one.
  let lastTitle = -1;
  run.forEach((w, k) => {
    if (TITLES.has(lowerWord(w).replace(/\.$/, '')) || TITLES.has(lowerWord(w).replace(/s$/, ''))) lastTitle = k;
  });
  run = run.slice(lastTitle + 1);
  // "Al Jazeera’s Hani Mansour": the name follows the possessive.
  const owner = run.findLastIndex((w) => /'s$|\u2019s$/.test(w));
  if (owner >= 0) run = run.slice(owner + 1);
  if (run.length < 2 || run.length > 4) return null;
  return run.join(' ');
}

/** Splits coordinated sources: "Neither NATO nor the United States" → ["NATO", "the United States"]. */
export function splitCoordination(text: string): { parts: string[]; negative: boolean } {
  const t = text.trim();
  const framed = /^(both|neither|either)\s+(.+?)\s+(?:and|nor|or)\s+(.+)$/i.exec(t);
  if (framed) return { parts: [framed[2]!, framed[3]!], negative: framed[1]!.toLowerCase() === 'neither' };
  const plain = /^(.+?)\s+and\s+(.+)$/.exec(t);
  if (plain) {
    const [a, b] = [plain[1]!, plain[2]!];
    const looksLikeSource = (s: string) => /^\p{Lu}/u.test(s) || /^(?:the|its|his|her|their)\s/i.test(s);
    if (looksLikeSource(a) && looksLikeSource(b) && words(a).length <= 6 && words(b).length <= 6) {
      // "Senators Carla Ruiz-Bennett and Howard Lyle": the plural title covers both names.
      return { parts: [a, b], negative: false };
    }
  }
  return { parts: [t], negative: false };
}
