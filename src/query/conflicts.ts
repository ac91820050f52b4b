// `conflicts`: pairs of actors that take opposite stances on the same topic — one
// asserts what the other denies — with the claims of each side as evidence.
// "Not confirmed" opposes nothing: it is the absence of a position.
import type { Claim, Topic } from '../model.js';
import { compareNullableDates, sortClaims } from './filter.js';
import { touchedTopics } from './topics.js';

export interface ConflictSide {
  actor: { id: string; name: string };
  /** The side's claims on the topic with its stance, oldest first. */
  claims: Claim[];
}

export interface Conflict {
  topic: string;
  asserts: ConflictSide;
  denies: ConflictSide;
}

/**
 * For each topic (in the list's order), every pair of different actors where one
 * asserts and the other denies something on the topic; within a topic, the pair
 * whose first claim is oldest comes first. An actor that both asserts and denies
 * may appear on both sides of different pairs, never against itself.
 */
export function findConflicts(claims: readonly Claim[], topics: readonly Topic[]): Conflict[] {
  type Sides = Record<'asserts' | 'denies', Map<string, ConflictSide>>;
  const byTopic = new Map<string, Sides>(topics.map((t) => [t.name, { asserts: new Map(), denies: new Map() }]));
  for (const claim of sortClaims(claims)) {
    if (claim.stance === 'unconfirmed') continue;
    for (const topic of touchedTopics(claim, topics)) {
      const bucket = (byTopic.get(topic.name) as Sides)[claim.stance];
      let side = bucket.get(claim.speaker.id);
      if (!side) bucket.set(claim.speaker.id, (side = { actor: { id: claim.speaker.id, name: claim.speaker.name }, claims: [] }));
      side.claims.push(claim);
    }
  }
  const conflicts: Conflict[] = [];
  for (const [topic, sides] of byTopic) {
    const pairs: Conflict[] = [];
    for (const asserts of sides.asserts.values()) {
      for (const denies of sides.denies.values()) {
        if (asserts.actor.id !== denies.actor.id) pairs.push({ topic, asserts, denies });
      }
    }
    pairs.sort(
      (a, b) =>
        compareNullableDates(firstDate(a), firstDate(b)) ||
        a.asserts.actor.name.localeCompare(b.asserts.actor.name) ||
        a.denies.actor.name.localeCompare(b.denies.actor.name),
    );
    conflicts.push(...pairs);
  }
  return conflicts;
}

function firstDate(conflict: Conflict): string | null {
  const a = conflict.asserts.claims[0]?.date ?? null;
  const d = conflict.denies.claims[0]?.date ?? null;
  return compareNullableDates(a, d) <= 0 ? a : d;
}
