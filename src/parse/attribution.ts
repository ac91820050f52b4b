// Finds attributions in one sentence unit: a cue (reporting verb, "according to",
// "declined to comment", …) and the noun phrase that is its source. Each rule below
// handles one construction and is named after it. All offsets are relative to the unit.
import {
  ADVERBS,
  AUXILIARIES,
  CUE_LEMMAS,
  CITABLE_NOUNS,
  IRREGULAR_PAST,
  NOUN_LIKE_BASE_FORMS,
  ORGANISATION_NOUNS,
  PERSON_NOUNS,
  PREPOSITIONS,
  PRONOUNS,
  DETERMINERS,
  FINAL_ONLY_LEMMAS,
  PHRASAL_CUES,
  REQUEST_NOUNS,
  SOURCE_DOCUMENT_PATTERN,
  UNCONFIRMED_CUES,
  inflect,
  type CueClass,
} from './lexicon.js';
import { leftSubject, rightSubject, splitCoordination, type Phrase, type SubjectNP } from './phrases.js';
import type { Unit } from './segment.js';
import { isSpaceCode, tokenize, unitTokens, type Token } from './tokens.js';

export interface Frame {
  cue: string;
  cueStart: number;
  cueEnd: number;
  cls: CueClass;
  subject: SubjectNP;
  /** The reported clause before the subject (`Levels had returned…, the agency said`). */
  precedingClause: Phrase | null;
  /** Set for "citing X": X is the source that X's reporter relied on. */
  cited: boolean;
  /** "according to X" at the start: what follows the source is the content. */
  contentAfterSubject: boolean;
}

interface CueForm {
  lemma: string;
  cls: CueClass;
  finalOnly: boolean;
}

const CUE_FORMS: Map<string, CueForm> = (() => {
  const map = new Map<string, CueForm>();
  for (const [lemma, cls] of Object.entries(CUE_LEMMAS)) for (const f of inflect(lemma)) map.set(f, { lemma, cls, finalOnly: false });
  for (const [lemma, { cls }] of Object.entries(PHRASAL_CUES)) for (const f of inflect(lemma)) map.set(f, { lemma, cls, finalOnly: false });
  for (const [lemma, cls] of Object.entries(FINAL_ONLY_LEMMAS)) for (const f of inflect(lemma)) if (!map.has(f)) map.set(f, { lemma, cls, finalOnly: true });
  return map;
})();

const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets']);

/** Skips adverbs leftwards from token `i` and returns the index of the previous real word. */
function previousWord(tokens: readonly Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && (ADVERBS.has(tokens[j]!.lower) || tokens[j]!.lower === 'not')) j--;
  return j;
}

/** True when only closing punctuation and adjuncts follow: `…, the regulator found.` */
function endsSentence(m: string, from: number): boolean {
  return /^[\s,]*(?:(?:on|late on|in|at|last|this|earlier)\s[^,.;]{0,40})?[\s.!?\u201d"]*$/i.test(m.slice(from));
}

/**
 * Whether `s` up to `end` ends in a comma or full stop and white space: what
 * `/[,.]\s*$/` says of `s.slice(0, end)`, read backwards from `end` rather than by a
 * pattern tried at every position of the sentence so far.
 */
export function endsInCommaOrStop(s: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
  const c = i >= 0 ? s.charCodeAt(i) : -1;
  return c === 44 || c === 46;
}

/** The text between the last full quotation's close and `at`, when the cue sits right after a quotation. */
function followsQuote(m: string, at: number): boolean {
  const before = m.slice(0, at);
  return /[\u2588][\u201d"\u2019]?\s*[,\u2014-]?\s*$/.test(before) || /[\u201d"\u2019]\s*,\s*$/.test(before);
}

function verbCues(unit: Unit, covered: (i: number) => boolean): Frame[] {
  const m = unit.masked;
  const tokens = unitTokens(unit);
  const frames: Frame[] = [];
  tokens.forEach((tok, i) => {
    const form = CUE_FORMS.get(tok.lower);
    if (!form || covered(tok.start)) return;
    const prevIdx = previousWord(tokens, i);
    const prev = prevIdx >= 0 ? tokens[prevIdx]!.lower : '';
    const next = tokens[i + 1]?.lower ?? '';
    const adjacentPrev = tokens[i - 1]?.lower ?? '';
    // A noun, not a verb: "Seoul's claims", "the report", "reports of a bid".
    const quantifier = PRONOUNS[adjacentPrev] !== undefined && (i < 2 || endsInCommaOrStop(m, tokens[i - 1]!.start));
    if ((DETERMINERS.has(adjacentPrev) && !quantifier) || /'s$/.test(adjacentPrev) || (tok.lower.endsWith('s') && next === 'of')) return;
    // "a weekend of reports that…", "the weekend reports was no accident": nouns.
    if (!tok.lower.endsWith('ing') && PREPOSITIONS.has(adjacentPrev)) return;
    if (AUXILIARIES.has(next) && tok.lower !== 'said' && tok.lower !== 'told' && tok.lower !== 'added') return;
    // "a man accused of striking…": a passive participle, not the man speaking.
    if (tok.lower === 'accused' && next === 'of') return;
    if (tok.lower.includes('-')) return;
    // A capital in mid-sentence makes it a name: "the United States", "Says Corp".
    if (i > 0 && /^\p{Lu}/u.test(tok.text)) return;
    if (tok.lower === form.lemma && NOUN_LIKE_BASE_FORMS.has(form.lemma) && !(PRONOUNS[adjacentPrev] || adjacentPrev === 'to' || AUXILIARIES.has(adjacentPrev) || /^(?:will|would|can|could|should|may|might|must)$/.test(adjacentPrev))) return;
    const ing = tok.lower.endsWith('ing');
    // Passive: "was denied access", "had been rejected", "is confirmed".
    if (!ing && PASSIVE_AUX.has(prev)) return;
    if (form.finalOnly && !endsSentence(m, tok.end)) return;
    const phrasal = PHRASAL_CUES[form.lemma];
    // "called the results ‘promising’": naming something in a quotation is an assertion.
    const namesInQuotes = form.lemma === 'call' && /^[^.;:]{1,60}?[\u201c\u2018"]/.test(m.slice(tok.end));
    if (phrasal && !phrasal.particles.includes(next) && !namesInQuotes) return;
    if (form.cls === 'deny') {
      const object = tokens.slice(i + 1, i + 6);
      const thatAt = object.findIndex((t) => t.lower === 'that');
      const scope = thatAt >= 0 ? object.slice(0, thatAt) : object;
      if (scope.some((t) => REQUEST_NOUNS.has(t.lower))) return;
    }
    const participle = ing && !PASSIVE_AUX.has(prev);
    const cueEnd = phrasal && !namesInQuotes ? tokens[i + 1]!.end : tok.end;
    const cue = m.slice(tok.start, cueEnd);

    // ", saying …" and "… and dismissed …" belong to the clause's own subject;
    // "with X and Y claiming" has its own.
    const gap = m.slice(0, tok.start);
    const conjoined = frames.length > 0 && /\s(?:and|but)\s+(?:\p{L}+ly\s+|also\s+|then\s+)?$/u.test(gap);
    if (participle || conjoined) {
      if (conjoined || /,\s*$/.test(gap) || /^\s*$/.test(gap)) {
        frames.push({ cue, cueStart: tok.start, cueEnd, cls: form.cls, subject: PARTICIPLE_SUBJECT, precedingClause: null, cited: false, contentAfterSubject: false });
        return;
      }
    }
    const inverted = followsQuote(m, tok.start) || (ing === false && /^\s*$/.test(m.slice(0, tok.start)));
    const right = inverted ? rightSubject(m, cueEnd) : null;
    if (right) {
      frames.push({ cue, cueStart: tok.start, cueEnd, cls: form.cls, subject: right, precedingClause: null, cited: false, contentAfterSubject: false });
      return;
    }
    const left = leftSubject(m, tok.start);
    if (!left) return;
    frames.push({ cue, cueStart: tok.start, cueEnd, cls: form.cls, subject: left, precedingClause: left.precedingClause, cited: false, contentAfterSubject: false });
  });
  return frames;
}

/** Marks a participle frame whose subject is the clause's own; resolved in `attributions`. */
const NOWHERE = { start: -1, end: -1, text: '' };
const PARTICIPLE_SUBJECT: SubjectNP = Object.freeze({ mention: NOWHERE, head: NOWHERE, name: null, descriptors: [], extent: NOWHERE });

// Matched on text whose quote marks are blanked ("would not “speculate”") and whose
// "n't" is read as " not" ("didn't respond"): spaces in the patterns stretch to fit.
const UNCONFIRMED_GLOBAL = UNCONFIRMED_CUES.map((re) => new RegExp(re.source.replace(/ not\b/g, '(?:\\s+not|n[\'\u2019]t)').replace(/ /g, '\\s+'), 'g'));

/** Every refusal cue has one of these words; most sentences have none and skip the patterns. */
const REFUSAL_WORDS = /\b(?:not|declin|refus|neither|no comment|drawn)|n['\u2019]t\b/i;

function refusalCues(unit: Unit): Frame[] {
  const frames: Frame[] = [];
  if (!REFUSAL_WORDS.test(unit.masked)) return frames;
  const lm = unit.masked.toLowerCase().replace(/[\u201c\u201d\u2018"]/g, ' ');
  for (const g of UNCONFIRMED_GLOBAL) {
    g.lastIndex = 0;
    for (let hit = g.exec(lm); hit; hit = g.exec(lm)) {
      if (frames.some((f) => hit.index < f.cueEnd && hit.index + hit[0].length > f.cueStart)) continue;
      const cueStart = hit.index;
      const cueEnd = hit.index + hit[0].length;
      // "… said X and declined to answer further questions": the same source refuses.
      const conjoined = /\s(?:and|but)\s+(?:then\s+)?$/.test(unit.masked.slice(0, cueStart));
      const subject = conjoined
        ? PARTICIPLE_SUBJECT
        : followsQuote(unit.masked, cueStart)
          ? rightSubject(unit.masked, cueEnd)
          : leftSubject(unit.masked, cueStart);
      if (!subject) continue;
      frames.push({ cue: unit.masked.slice(cueStart, cueEnd), cueStart, cueEnd, cls: 'unconfirm', subject, precedingClause: null, cited: false, contentAfterSubject: false });
    }
  }
  return frames;
}

const SOURCE_FIRST = /\b(according to|citing)\s+/gi;

/** "according to X" and "citing X": the source follows the cue. */
function sourceAfterCue(unit: Unit): Frame[] {
  const frames: Frame[] = [];
  // exec with lastIndex rather than matchAll, which copies the pattern on every call (once per unit here).
  SOURCE_FIRST.lastIndex = 0;
  for (let hit = SOURCE_FIRST.exec(unit.masked); hit; hit = SOURCE_FIRST.exec(unit.masked)) {
    const cueStart = hit.index;
    const cueEnd = hit.index + hit[1]!.length;
    // "according to figures published by the hospital": the issuer is the source.
    const from = hit.index + hit[0].length;
    const issuer = SOURCE_DOCUMENT_PATTERN.exec(unit.masked.slice(from));
    const subject = rightSubject(unit.masked, from + (issuer ? issuer[0].length : 0));
    if (!subject) continue;
    const cited = hit[1]!.toLowerCase() === 'citing';
    // "citing the ongoing investigation" gives a reason, not a source.
    if (cited && !isCitable(subject.head.text)) continue;
    const atStart = /^\s*$/.test(unit.masked.slice(0, cueStart));
    frames.push({ cue: hit[1]!, cueStart, cueEnd, cls: 'assert', subject, precedingClause: null, cited, contentAfterSubject: atStart });
  }
  return frames;
}

/** The subject of the first finite verb before `limit` (for a participle cue with no cue verb before it). */
function mainClauseSubject(m: string, limit: number): SubjectNP | null {
  const tokens = tokenize(m.slice(0, limit));
  const verb = tokens.find(
    (t, i) => i > 0 && (AUXILIARIES.has(t.lower) || IRREGULAR_PAST.has(t.lower) || (/^[a-z]{3,}ed$/.test(t.lower) && !DETERMINERS.has(tokens[i - 1]!.lower))),
  );
  return verb ? leftSubject(m, verb.start) : null;
}

function isCitable(head: string): boolean {
  const words = head.split(/\s+/);
  const noun = (words.at(-1) ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  const of = /\s(?:of|from|at|in|close to|familiar with|with knowledge of)\s/i.exec(head);
  const lead = of ? head.slice(0, of.index).split(/\s+/).at(-1)!.toLowerCase() : noun;
  const citable = (w: string) => CITABLE_NOUNS.has(w) || PERSON_NOUNS.has(w) || ORGANISATION_NOUNS.has(w);
  return /^\p{Lu}/u.test(words.find((w) => !/^(?:the|a|an|two|three|four|five|several|some)$/i.test(w)) ?? '') || citable(noun) || citable(lead);
}

/** One attribution: a source and every cue it governs in this unit. */
export interface Attribution {
  frames: Frame[];
  subject: SubjectNP;
  /** Coordinated sources split apart ("Neither A nor B" → A, B). */
  sources: string[];
  negatedSubject: boolean;
  cited: boolean;
}

export function attributions(unit: Unit): Attribution[] {
  const refusals = refusalCues(unit);
  const covered = (i: number) => refusals.some((f) => i >= f.cueStart && i < f.cueEnd);
  const frames = [...refusals, ...sourceAfterCue(unit), ...verbCues(unit, covered)].sort((a, b) => a.cueStart - b.cueStart);

  const groups: Attribution[] = [];
  const lone: Frame[] = [];
  for (const frame of frames) {
    if (isNested(unit.masked, frame, frames)) continue;
    if (frame.subject === PARTICIPLE_SUBJECT) {
      // Joins the attribution before it in the sentence ("said …, claiming …", "said …
      // but declined to comment further": one claim, and the refusal qualifies it).
      const owner = groups.filter((g) => !g.cited).at(-1);
      if (owner) owner.frames.push(frame);
      else lone.push(frame);
      continue;
    }
    const same = groups.find((g) => !frame.cited && !g.cited && g.subject.mention.start === frame.subject.mention.start);
    if (same) {
      same.frames.push(frame);
      continue;
    }
    const { parts, negative } = splitCoordination(frame.subject.head.text);
    groups.push({ frames: [frame], subject: frame.subject, sources: parts, negatedSubject: negative, cited: frame.cited });
  }
  // A participle with no cue before it: "…, suggesting that …, she added" belongs to the
  // attribution after it; with none, the subject of the clause's main verb speaks
  // ("The laboratory first published its findings, saying …").
  for (const frame of lone) {
    const owner = groups.find((g) => !g.cited && g.frames[0]!.cueStart > frame.cueStart);
    if (owner) continue;
    const subject = mainClauseSubject(unit.masked, frame.cueStart);
    if (!subject) continue;
    const { parts, negative } = splitCoordination(subject.head.text);
    groups.push({ frames: [{ ...frame, subject }], subject, sources: parts, negatedSubject: negative, cited: false });
  }
  return groups.sort((a, b) => a.frames[0]!.cueStart - b.frames[0]!.cueStart);
}

/**
 * A cue inside what another source is reported to have said ("X said that Y had not
 * confirmed …") is a nested attribution: the guidelines make it optional, and counting
 * it would credit Y with X's words.
 */
function isNested(m: string, frame: Frame, all: Frame[]): boolean {
  if (frame.cited || frame.subject === PARTICIPLE_SUBJECT) return false;
  return all.some(
    (outer) =>
      outer !== frame &&
      !outer.cited &&
      outer.subject !== PARTICIPLE_SUBJECT &&
      outer.cueEnd <= frame.subject.mention.start &&
      /^\S*(?:\s+\S+){0,8}?\s+that\s[^,]*$/.test(m.slice(outer.cueEnd, frame.subject.mention.start)) &&
      !/[.;]/.test(m.slice(outer.cueEnd, frame.subject.mention.start)),
  );
}
