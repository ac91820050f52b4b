// Who speaks in the store: actor look-up by any of their names, and per-actor
// counts of stances. Pure functions over claims and the registry.
import type { ActorKind, ActorRegistry, Claim, Stance } from '../model.js';

export type StanceCounts = Record<Stance, number>;

export interface ActorSummary {
  id: string;
  name: string;
  /** Null for a source that is not in the registry (it appears only in claims). */
  kind: ActorKind | null;
  inRegistry: boolean;
  /** Registry aliases. */
  aliases: string[];
  /** How articles referred to the actor in stored claims, other than its name and aliases. */
  mentions: string[];
  counts: StanceCounts;
  total: number;
}

function emptyCounts(): StanceCounts {
  return { asserts: 0, denies: 0, unconfirmed: 0 };
}

/** Normalised form of a name for comparison: case, spacing, apostrophes, dots and a leading article. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|an?) /, '');
}

/**
 * Every actor of the registry and every speaker that appears only in claims, with
 * counts per stance; most-quoted first, then by name.
 */
export function summariseActors(claims: readonly Claim[], registry: ActorRegistry): ActorSummary[] {
  const byId = new Map<string, ActorSummary>();
  for (const actor of registry.actors) {
    byId.set(actor.id, {
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      inRegistry: true,
      aliases: [...actor.aliases],
      mentions: [],
      counts: emptyCounts(),
      total: 0,
    });
  }
  for (const claim of claims) {
    let summary = byId.get(claim.speaker.id);
    if (!summary) {
      summary = {
        id: claim.speaker.id,
        name: claim.speaker.name,
        kind: null,
        inRegistry: false,
        aliases: [],
        mentions: [],
        counts: emptyCounts(),
        total: 0,
      };
      byId.set(claim.speaker.id, summary);
    }
    summary.counts[claim.stance] += 1;
    summary.total += 1;
    const known = [summary.name, ...summary.aliases, ...summary.mentions].map(normaliseName);
    if (!known.includes(normaliseName(claim.speaker.mention))) summary.mentions.push(claim.speaker.mention);
  }
  return [...byId.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/**
 * Ids of the actors a user means by `query`: an exact (case-insensitive) match on
 * an id, canonical name, alias or mention wins; otherwise every actor one of whose
 * names contains the query's words in order ("wood" finds "Robert Wood").
 * Empty when nothing matches.
 */
export function resolveActorIds(query: string, registry: ActorRegistry, claims: readonly Pick<Claim, 'speaker'>[]): string[] {
  const names = actorNames(registry, claims);
  const wanted = normaliseName(query);
  if (wanted === '') return [];
  const exact = new Set<string>();
  for (const [id, set] of names) if (set.has(wanted)) exact.add(id);
  if (exact.size > 0) return [...exact];
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(wanted)}($|[^\\p{L}\\p{N}])`, 'u');
  const partial: string[] = [];
  for (const [id, set] of names) if ([...set].some((name) => pattern.test(name))) partial.push(id);
  return partial;
}

/** Every normalised name each actor goes by, keyed by actor id. */
function actorNames(registry: ActorRegistry, claims: readonly Pick<Claim, 'speaker'>[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (id: string, name: string): void => {
    let set = names.get(id);
    if (!set) names.set(id, (set = new Set()));
    set.add(normaliseName(name));
  };
  for (const actor of registry.actors) {
    add(actor.id, actor.id);
    add(actor.id, actor.name);
    for (const alias of actor.aliases) add(actor.id, alias);
  }
  for (const { speaker } of claims) {
    add(speaker.id, speaker.id);
    add(speaker.id, speaker.name);
    add(speaker.id, speaker.mention);
  }
  return names;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
