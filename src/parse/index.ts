// Entry point of the pure parsing layer: article text in, article metadata and
// claims out. No I/O happens below src/parse/.
import { hash } from 'node:crypto';
import type { ActorRegistry, Article, ArticleMeta, Claim, ParseResult } from '../model.js';
import { attributions, type Attribution } from './attribution.js';
import { resolveDatePhrase } from './dates.js';
import { Discourse } from './discourse.js';
import { readMetadata } from './metadata.js';
import { BLOT, segment, type Span, type Unit } from './segment.js';
import { firstWords } from './tokens.js';
import { decideStance } from './stance.js';

export interface ParseOptions {
  /** Canonical actors and their aliases (data/actors.json, or the user's registry). */
  registry: ActorRegistry;
  /** Where the text came from (file path, "-", URL); recorded on the article. */
  origin?: string | null;
  /** Year assumed for a dateline without one when the text names no year (default: this year). */
  fallbackYear?: number;
  /**
   * What the page or input record says about the article. Each field given wins
   * over what is read from the text: a publication date here is also the day that
   * "said Friday" is counted back from. A URL gives the article its id.
   */
  meta?: ArticleMeta;
}

export { readMetadata } from './metadata.js';

// The one-shot form: a Hash object per claim id cost more than the hashing.
const sha256 = (s: string) => hash('sha256', s, 'hex');

// Query parameters that only say how a reader arrived, not which article it is.
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|ocid|cmpid|at_\w+)$/i;

/**
 * The id of the article at a canonical URL: the same page, whatever fragment or
 * tracking parameters the link had, always gets the same id.
 */
export function articleIdForUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING_PARAM.test(key)) parsed.searchParams.delete(key);
  return sha256(`url:${parsed.href}`).slice(0, 16);
}

/** Units with metadata lines removed and dateline openers cut off. */
function storyUnits(text: string, bodyStart: number, skip: Span[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of segment(text, bodyStart)) {
    const cut = skip.find((s) => s.start <= unit.start && s.end > unit.start);
    if (!cut) {
      out.push(unit);
      continue;
    }
    if (cut.end >= unit.end) continue;
    const offset = cut.end - unit.start;
    out.push({
      ...unit,
      start: cut.end,
      text: unit.text.slice(offset),
      masked: unit.masked.slice(offset),
      tokens: undefined,
      quotes: unit.quotes.filter((q) => q.start >= cut.end),
    });
  }
  return out;
}

const isQuoteOnly = (u: Unit) => u.quotes.some((q) => q.full) && !/[\p{L}\p{N}]/u.test(u.masked.replaceAll(BLOT, ''));

function quoteText(text: string, unit: Unit): string | null {
  const parts = unit.quotes.filter((q) => q.full).map((q) => text.slice(q.innerStart, q.innerEnd).trim());
  return parts.length ? parts.join(' ') : null;
}

const trimPunct = (s: string) => s.replace(/^[\s,;:\u2014-]+|[\s,;:\u2014-]+$/g, '').replace(/^that\s+/i, '');

/** What the source said, as text: the quotation, or the reported clause. */
function contentOf(text: string, unit: Unit, a: Attribution): { content: string; direct: boolean } {
  const quote = quoteText(text, unit);
  if (quote) return { content: quote, direct: true };
  const f = a.frames[0]!;
  if (f.precedingClause) {
    // "More research is needed, she acknowledged, before …": both sides were said.
    const tail = /^\s*,\s*(.+)$/s.exec(unit.text.slice(a.frames.at(-1)!.cueEnd));
    const head = trimPunct(unit.text.slice(0, f.precedingClause.end));
    return { content: tail && !/^(?:as|after|when|while|according)\b/i.test(tail[1]!) ? `${head} ${trimPunct(tail[1]!)}` : head, direct: false };
  }
  if (f.contentAfterSubject) return { content: trimPunct(unit.text.slice(a.subject.mention.end)), direct: false };
  if (f.cue.toLowerCase() === 'according to') return { content: trimPunct(unit.text.slice(0, f.cueStart)), direct: false };
  // A refusal is its own content: "has not confirmed the deployment".
  if (f.cls === 'unconfirm') return { content: trimPunct(unit.text.slice(f.cueStart)), direct: false };
  // "said Friday that …", "told reporters on Monday that …": what was said starts after "that".
  const rest = unit.text.slice(f.cueEnd);
  const that = /\bthat\s/.exec(rest);
  const after = trimPunct(that && that.index < 100 && !/["\u201c\u2018]/.test(rest.slice(0, that.index)) ? rest.slice(that.index + that[0].length) : rest);
  return { content: after || trimPunct(unit.text), direct: false };
}

const CLAUSE_TAKING = /^(?:said|says|say|told|tells|added|adds|wrote|writes|stated|insisted|argued|warned|noted|explained|reported|posted|according to)\b/i;

/**
 * Where to look for the day a statement was made, nearest the cue first: between
 * subject and verb ("on Thursday accused"), right after the verb ("said Friday",
 * "told reporters on Monday that"), then before the subject ("On Tuesday, …").
 * What was said is never searched: its dates are about the story, not the statement.
 */
function datePlaces(unit: Unit, a: Attribution, direct: boolean): string[] {
  const m = unit.masked;
  const f = a.frames[0]!;
  const subj = a.subject.extent;
  const places: string[] = [];
  if (subj.end <= f.cueStart) places.push(m.slice(subj.end, f.cueStart));
  if (direct) places.push(m.slice(f.cueEnd));
  else {
    // Verbs that take a clause ("said she had seen…") start the content at once;
    // others take an object first ("claimed responsibility … late on Wednesday").
    const next = a.frames[1]?.cueStart ?? m.length;
    const rest = m.slice(f.cueEnd, Math.max(f.cueEnd, next));
    const that = /\bthat\b/.exec(rest);
    if (that) places.push(rest.slice(0, that.index));
    else if (CLAUSE_TAKING.test(f.cue) && !/^\s*to\s/.test(rest)) places.push(firstWords(rest, 5));
    else places.push(rest);
  }
  // "Elena Marsh, speaking at a conference on Monday, said": the occasion dates the statement.
  for (const d of a.subject.descriptors) if (/^(?:speaking|writing|addressing|testifying|appearing)\b/i.test(d)) places.push(d);
  if (!f.precedingClause && !(f.cue.toLowerCase() === 'according to' && !f.contentAfterSubject)) places.push(m.slice(0, Math.min(subj.start, f.cueStart)));
  if (f.cue.toLowerCase() === 'according to' || f.cited) places.push(subj.text);
  return places;
}

function sharesName(a: Claim, mention: string, speakerId: string): boolean {
  if (a.speaker.id === speakerId) return true;
  const named = new Set(a.speaker.name.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
  return mention.toLowerCase().split(/\W+/).some((w) => named.has(w));
}

export function parseArticle(text: string, options: ParseOptions): ParseResult {
  const textHash = sha256(text);
  // Claim ids come from the text alone, so the same text gives the same claims
  // whether it was read from a file, a web page or a record.
  const textId = textHash.slice(0, 16);
  const given = options.meta ?? {};
  const articleId = given.url ? articleIdForUrl(given.url) : textId;
  const read = readMetadata(text, { fallbackYear: options.fallbackYear ?? new Date().getUTCFullYear() });
  const meta = { ...read, date: given.date ?? read.date };
  const article: Article = {
    id: articleId,
    title: given.title ?? read.title,
    date: meta.date,
    source: given.source ?? read.source,
    byline: given.byline ?? read.byline,
    origin: options.origin ?? null,
    url: given.url ?? null,
    textHash,
    length: text.length,
  };

  const discourse = new Discourse(options.registry);
  const claims: Claim[] = [];
  let previousDate: string | null = null;
  let lastUnitClaims: { claims: Claim[]; unit: Unit; direct: boolean } | null = null;

  storyUnits(text, meta.bodyStart, meta.skip).forEach((unit, index) => {
    discourse.observe(index, unit);
    const found = attributions(unit);
    if (found.length === 0) {
      // A quotation standing alone right after an attributed one continues it.
      if (lastUnitClaims && isQuoteOnly(unit) && (unit.paragraph - lastUnitClaims.unit.paragraph <= 1 || unit.quotes[0]?.continues)) {
        for (const claim of lastUnitClaims.claims) {
          claim.end = unit.end;
          claim.sentence = text.slice(claim.start, claim.end);
          const more = quoteText(text, unit);
          if (more) {
            claim.quote = claim.quote ? `${claim.quote} ${more}` : more;
            if (lastUnitClaims.direct) claim.content = claim.quote;
          }
        }
        lastUnitClaims.unit = unit;
      } else if (!isQuoteOnly(unit)) lastUnitClaims = null;
      return;
    }
    const made: Claim[] = [];
    let direct = false;
    for (const a of found) {
      const said = contentOf(text, unit, a);
      direct ||= said.direct;
      const dateHit = datePlaces(unit, a, said.direct).reduce<ReturnType<typeof resolveDatePhrase>>(
        (hit, place) => hit ?? resolveDatePhrase(place, meta.date, previousDate),
        null,
      );
      const decided = decideStance({
        cues: a.frames.map((f) => f.cls),
        negatedSubject: a.negatedSubject,
        content: said.content,
        frame: unit.masked,
        direct: said.direct,
      });
      let stance = decided.stance;
      for (const source of a.sources) {
        const single = a.sources.length === 1;
        const speaker = discourse.resolve(
          {
            head: source,
            name: single ? (a.subject.name?.text ?? null) : null,
            mention: single ? a.subject.mention.text : source,
            descriptors: single ? a.subject.descriptors : [],
          },
          { unit: index, cue: a.frames[0]!.cue },
        );
        if (!speaker) continue;
        // A follow-up quotation with no stance of its own keeps the position the same
        // source (or someone speaking for it) took in the sentence before.
        const previous = claims.at(-1);
        if (decided.neutral && (said.direct || (unit.quotes.length > 0 && previous?.stance === 'denies')) && previous && previous.stance !== 'asserts' && lastUnitClaims?.claims.includes(previous) && sharesName(previous, speaker.mention, speaker.id)) {
          stance = previous.stance;
        }
        const frame = a.frames[0]!;
        const claim: Claim = {
          id: sha256(`${textId}:${unit.start}:${unit.end}:${speaker.id}:${frame.cueStart}`).slice(0, 16),
          articleId,
          speaker,
          stance,
          date: dateHit?.date ?? meta.date,
          dateText: dateHit?.text ?? null,
          content: said.content,
          quote: said.direct ? said.content : null,
          sentence: unit.text,
          start: unit.start,
          end: unit.end,
          cue: a.frames.map((f) => f.cue).join(' / '),
        };
        made.push(claim);
      }
      if (dateHit) previousDate = dateHit.date;
    }
    claims.push(...made);
    lastUnitClaims = made.length ? { claims: made, unit, direct } : null;
  });

  return { article, claims };
}
