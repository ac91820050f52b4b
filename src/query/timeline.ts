// `timeline`: each actor's claims in date order, with every change of stance marked
// ("unconfirmed → asserts" on the day of the first claim with the new stance), in
// the spirit of a flip-flop meter. Filter the claims to one topic first: across
// topics a change of stance means little.
import type { Claim, Stance } from '../model.js';
import { compareNullableDates, sortClaims } from './filter.js';

export interface StanceChange {
  from: Stance;
  to: Stance;
  /** The day of the first claim with the new stance (null when it has no date). */
  date: string | null;
  claimId: string;
  /** The claim before it, which had the old stance. */
  previousClaimId: string;
  previousDate: string | null;
}

export interface TimelineEntry {
  claim: Claim;
  /** Set when this claim's stance differs from the actor's previous claim's. */
  change: StanceChange | null;
}

export interface ActorTimeline {
  actor: { id: string; name: string };
  /** Oldest first; claims without a date last. */
  entries: TimelineEntry[];
  changes: StanceChange[];
}

/**
 * One timeline per actor, ordered by the actor's first claim (then name). Claims
 * are in reading order (date, article, position), so two claims of one day in
 * different articles keep a fixed order.
 */
export function buildTimeline(claims: readonly Claim[]): ActorTimeline[] {
  const byActor = new Map<string, ActorTimeline>();
  for (const claim of sortClaims(claims)) {
    let timeline = byActor.get(claim.speaker.id);
    if (!timeline) {
      timeline = { actor: { id: claim.speaker.id, name: claim.speaker.name }, entries: [], changes: [] };
      byActor.set(claim.speaker.id, timeline);
    }
    const previous = timeline.entries.at(-1)?.claim;
    const change: StanceChange | null =
      previous && previous.stance !== claim.stance
        ? { from: previous.stance, to: claim.stance, date: claim.date, claimId: claim.id, previousClaimId: previous.id, previousDate: previous.date }
        : null;
    timeline.entries.push({ claim, change });
    if (change) timeline.changes.push(change);
  }
  return [...byActor.values()].sort(
    (a, b) =>
      compareNullableDates(a.entries[0]?.claim.date ?? null, b.entries[0]?.claim.date ?? null) || a.actor.name.localeCompare(b.actor.name),
  );
}
