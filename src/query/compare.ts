// `compare`: claims grouped by stance, then by actor, earliest first.
import { STANCES } from '../model.js';
import type { Claim, Stance } from '../model.js';
import { compareNullableDates, sortClaims } from './filter.js';

export interface ActorPosition {
  actor: { id: string; name: string };
  /** The words articles used for the actor in these claims. */
  mentions: string[];
  /** Oldest first. */
  claims: Claim[];
}

export type Comparison = Record<Stance, ActorPosition[]>;

export function compareClaims(claims: readonly Claim[]): Comparison {
  const comparison: Comparison = { asserts: [], denies: [], unconfirmed: [] };
  const index = new Map<string, ActorPosition>();
  for (const claim of sortClaims(claims)) {
    const key = `${claim.stance}\u0000${claim.speaker.id}`;
    let position = index.get(key);
    if (!position) {
      position = { actor: { id: claim.speaker.id, name: claim.speaker.name }, mentions: [], claims: [] };
      index.set(key, position);
      comparison[claim.stance].push(position);
    }
    position.claims.push(claim);
    if (!position.mentions.includes(claim.speaker.mention)) position.mentions.push(claim.speaker.mention);
  }
  for (const stance of STANCES) {
    comparison[stance].sort(
      (a, b) =>
        compareNullableDates(a.claims[0]?.date ?? null, b.claims[0]?.date ?? null) ||
        a.actor.name.localeCompare(b.actor.name),
    );
  }
  return comparison;
}
