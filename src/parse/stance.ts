// Decides whether a source asserts, denies or leaves unconfirmed what it said. The
// cue decides first (a refusal to comment, a denial verb); otherwise what was said:
// hedges anywhere in it, denials in its opening sentence. Only the opening sentence
// counts for denials because a quote's later sentences often narrate ("people
// boarded who were never recorded") rather than deny.
import type { Stance } from '../model.js';
import { DENIAL_PHRASES, HEDGE_PATTERNS, QUOTE_OPENING_DENIALS, type CueClass } from './lexicon.js';

export interface StanceInput {
  cues: CueClass[];
  /** "Neither A nor B has said …". */
  negatedSubject: boolean;
  /** What was said (quote or reported clause). */
  content: string;
  /** The rest of the sentence outside what was said (cue, object, adjuncts). */
  frame: string;
  /** True when `content` is a direct quotation. */
  direct: boolean;
}

export interface StanceResult {
  stance: Stance;
  /** True when nothing but the plain reporting verb decided it (so context may refine it). */
  neutral: boolean;
}

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d"]/g, '')
    .replace(/\s\s+|[^\S ]/g, ' ') // only where a run is not already one space
    .trim();

// One alternation per list, so each stance question is a single pass over the text.
const anyOf = (patterns: readonly RegExp[]) => new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'));
const HEDGE = anyOf(HEDGE_PATTERNS);
const DENIAL = anyOf(DENIAL_PHRASES);
const QUOTE_DENIAL = anyOf(QUOTE_OPENING_DENIALS);

/** Words quoted inside a quotation are mentioned, not used: "If they said 'baseless' …". */
// A match opens with a quote mark: text with none (most of it) is not searched, as the
// pattern cannot skip ahead to a mark on its own.
const withoutInnerQuotes = (s: string) =>
  s.includes("'") || s.includes('\u2018') ? s.replace(/(^|[\s(])['\u2018][^'\u2018\u2019]{1,60}['\u2019](?=[\s.,;:!?)]|$)/g, '$1 ') : s;

function openingSentence(s: string): string {
  const m = /^(.+?[.!?])(?:\s|$)/.exec(s);
  return m ? m[1]! : s;
}

export function decideStance(input: StanceInput): StanceResult {
  if (input.cues.includes('unconfirm') || input.negatedSubject) return { stance: 'unconfirmed', neutral: false };
  const content = plain(input.content);
  // The frame is the whole sentence and rarely holds either phrase: normalise it only then.
  const frame = /confirming|denial/i.test(input.frame) ? plain(input.frame) : '';
  if (HEDGE.test(content) || /\bwithout (?:\w+ )?confirming\b/.test(frame)) return { stance: 'unconfirmed', neutral: false };
  if (input.cues.includes('deny') || /\b(?:repeated|reiterated) (?:the|his|her|its|their) denial\b/.test(frame)) return { stance: 'denies', neutral: false };
  const opening = openingSentence(withoutInnerQuotes(content));
  if (DENIAL.test(opening)) return { stance: 'denies', neutral: false };
  if (input.direct && QUOTE_DENIAL.test(opening)) return { stance: 'denies', neutral: false };
  return { stance: 'asserts', neutral: true };
}
