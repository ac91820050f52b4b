// The same claim in several articles: one speaker, one stance, and near-identical
// words (Jaccard similarity of their content-word stems at least 0.8). Wire copy
// and follow-up stories repeat claims; `--dedupe` shows each once and `show`
// lists every appearance.
//
// Claims are bucketed by speaker and stance (a claim and its denial are never
// "the same"), and each bucket is grouped in one pass, oldest claim first, against
// the groups found so far — never all pairs:
//   1. an identical set of stems finds its group by a hash-map look-up;
//   2. otherwise MinHash locality-sensitive hashing (64 hashes in 16 bands of 4)
//      proposes at most 16 groups, one per band, whose first claim is then checked
//      exactly. Two claims with similarity 0.8 share a band with probability
//      1 - (1 - 0.8^4)^16 > 0.9997, and more similar ones more surely still.
// So a bucket of n claims of m words costs O(n·m) hashing and O(n) checks.
import type { Claim } from '../model.js';
import { sortClaims } from './filter.js';
import { stem, words } from './stem.js';

export const REPEAT_THRESHOLD = 0.8;

export interface RepeatGroup {
  /** The earliest appearance (by date, then article, then position): the one shown. */
  first: Claim;
  /** Every appearance, the first included, oldest first. */
  appearances: Claim[];
  /** Distinct articles among the appearances. */
  articles: number;
}

// Function words carry no claim; negations do ("has not sent" is not "has sent").
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'into', 'about',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'that', 'this', 'these', 'those', 'it', 'its', 'their', 'there', 'which', 'who', 'whom',
]);

/** The content-word stems of a text: what two wordings of one claim share. */
export function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((w) => !FUNCTION_WORDS.has(w)).map(stem));
}

/** Jaccard similarity of two sets: shared members over all members (1 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** What is compared: the quote when there is one, else the content, else the sentence. */
function claimedWords(claim: Claim): string {
  return claim.quote ?? (claim.content.trim() === '' ? claim.sentence : claim.content);
}

/** How similar two claims' words are (0–1); only meaningful for one speaker and stance. */
export function claimSimilarity(a: Claim, b: Claim): number {
  return jaccard(contentStems(claimedWords(a)), contentStems(claimedWords(b)));
}

export interface RepeatOptions {
  /** Least similarity for two claims to count as one (default 0.8). */
  threshold?: number;
  /** Counts the exact similarity checks made, so tests can see the work is linear. */
  stats?: { comparisons: number };
}

/**
 * Groups claims that are the same claim repeated. Every claim is in exactly one
 * group; groups come in the order of their first appearance (oldest first).
 */
export function groupRepeats(claims: readonly Claim[], options: RepeatOptions = {}): RepeatGroup[] {
  const threshold = options.threshold ?? REPEAT_THRESHOLD;
  const stats = options.stats ?? { comparisons: 0 };
  const buckets = new Map<string, Grouper>();
  const groups: Building[] = [];
  for (const claim of sortClaims(claims)) {
    const key = `${claim.speaker.id}\u0000${claim.stance}`;
    let grouper = buckets.get(key);
    if (!grouper) buckets.set(key, (grouper = new Grouper(threshold, stats)));
    const group = grouper.place(claim);
    if (group.appearances.length === 1) groups.push(group);
  }
  return groups.map(({ appearances }) => ({
    first: appearances[0] as Claim,
    appearances,
    articles: new Set(appearances.map((c) => c.articleId)).size,
  }));
}

/**
 * The group of one claim among the stored ones: only the claim's own speaker and
 * stance are looked at. The group holds at least the claim itself.
 */
export function repeatsOf(claim: Claim, claims: readonly Claim[], options: RepeatOptions = {}): RepeatGroup {
  const bucket = claims.filter((c) => c.speaker.id === claim.speaker.id && c.stance === claim.stance);
  if (!bucket.some((c) => c.id === claim.id)) bucket.push(claim);
  const groups = groupRepeats(bucket, options);
  return groups.find((g) => g.appearances.some((c) => c.id === claim.id)) as RepeatGroup;
}

interface Building {
  appearances: Claim[];
  stems: Set<string>;
}

const HASHES = 64;
const ROWS = 4;

/** One speaker-and-stance bucket, grouped as claims arrive oldest first. */
class Grouper {
  private readonly exact = new Map<string, Building>();
  private readonly bands = new Map<string, Building>();

  constructor(
    private readonly threshold: number,
    private readonly stats: { comparisons: number },
  ) {}

  place(claim: Claim): Building {
    const stems = contentStems(claimedWords(claim));
    // Claims with no content words are the same only if their words are.
    const exactKey = stems.size === 0 ? `\u0000${claimedWords(claim).trim().toLowerCase()}` : [...stems].sort().join(' ');
    const same = this.exact.get(exactKey);
    if (same) {
      same.appearances.push(claim);
      return same;
    }
    const keys = stems.size === 0 ? [] : bandKeys(stems);
    let best: Building | undefined;
    let bestScore = this.threshold;
    const checked = new Set<Building>();
    for (const key of keys) {
      const candidate = this.bands.get(key);
      if (!candidate || checked.has(candidate)) continue;
      checked.add(candidate);
      this.stats.comparisons++;
      const score = jaccard(stems, candidate.stems);
      if (score >= bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) {
      best.appearances.push(claim);
      this.exact.set(exactKey, best);
      return best;
    }
    const group: Building = { appearances: [claim], stems };
    this.exact.set(exactKey, group);
    // A band already held by an earlier group stays with it: one candidate per band.
    for (const key of keys) if (!this.bands.has(key)) this.bands.set(key, group);
    return group;
  }
}

// Seeds for the 64 hash functions, fixed so that grouping is the same on every run.
const SEEDS = Array.from({ length: HASHES }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9)));

/** The 16 band keys of a set's MinHash signature. */
function bandKeys(stems: ReadonlySet<string>): string[] {
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (const s of stems) {
    const h = fnv1a(s);
    for (let i = 0; i < HASHES; i++) {
      const v = mix32(h ^ (SEEDS[i] as number));
      if (v < (mins[i] as number)) mins[i] = v;
    }
  }
  const keys: string[] = [];
  for (let band = 0; band < HASHES / ROWS; band++) keys.push(`${band}:${mins.slice(band * ROWS, band * ROWS + ROWS).join(',')}`);
  return keys;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// MurmurHash3's finaliser: spreads every input bit over the output.
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
