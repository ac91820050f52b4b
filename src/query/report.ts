// What a report shows, computed once for every format: the actor × stance matrix,
// each actor's timeline with its changes of stance, the conflicts, the claims
// repeated by several articles, and every claim with its article.
import type { Article, Claim, Stance, Topic } from '../model.js';
import { findConflicts, type Conflict } from './conflicts.js';
import { sortClaims } from './filter.js';
import { groupRepeats, type RepeatGroup } from './repeats.js';
import { buildTimeline, type ActorTimeline } from './timeline.js';

export interface MatrixRow {
  actor: { id: string; name: string };
  counts: Record<Stance, number>;
  total: number;
}

export interface Report {
  /** The topic the report is limited to, if any. */
  topic: string | null;
  /** Every claim, in reading order. */
  claims: Claim[];
  /** The articles those claims come from, oldest first. */
  articles: Article[];
  /** One row per actor, most-quoted first (then by name). */
  matrix: MatrixRow[];
  /** Actors in the order of their first claim. */
  timelines: ActorTimeline[];
  conflicts: Conflict[];
  /** Claims that more than one article (or one article more than once) reports. */
  repeats: RepeatGroup[];
  /** First and last claim dates (null when no claim has a date). */
  dates: { first: string | null; last: string | null };
}

/**
 * `claims` should already be filtered (to a topic, actors, dates). Conflicts are
 * looked for in `topic` when given, else in every topic of `topics`.
 */
export function buildReport(claims: readonly Claim[], articles: readonly Article[], topics: readonly Topic[], topic?: Topic): Report {
  const sorted = sortClaims(claims);
  const used = new Set(sorted.map((c) => c.articleId));
  const matrix = new Map<string, MatrixRow>();
  for (const claim of sorted) {
    let row = matrix.get(claim.speaker.id);
    if (!row) matrix.set(claim.speaker.id, (row = { actor: { id: claim.speaker.id, name: claim.speaker.name }, counts: { asserts: 0, denies: 0, unconfirmed: 0 }, total: 0 }));
    row.counts[claim.stance] += 1;
    row.total += 1;
  }
  const dated = sorted.map((c) => c.date).filter((d): d is string => d !== null);
  return {
    topic: topic?.name ?? null,
    claims: sorted,
    articles: articles
      .filter((a) => used.has(a.id))
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title)),
    matrix: [...matrix.values()].sort((a, b) => b.total - a.total || a.actor.name.localeCompare(b.actor.name)),
    timelines: buildTimeline(sorted),
    conflicts: findConflicts(sorted, topic ? [topic] : topics),
    repeats: groupRepeats(sorted).filter((g) => g.appearances.length > 1),
    dates: { first: dated[0] ?? null, last: dated.at(-1) ?? null },
  };
}
