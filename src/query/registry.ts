// Shaping the actor registry: adding an actor, giving one another name, merging two
// into one, and re-resolving stored claims to match. Pure: each edit takes the
// registry and the claims and returns a new registry; the CLI writes it.
import { slug } from '../ids.js';
import { ClaimsError } from '../errors.js';
import type { Actor, ActorKind, ActorRegistry, Claim } from '../model.js';
import { normaliseName, resolveActorIds } from './actors.js';

/**
 * The id an actor called `name` gets: the same slug the parser gives a source the
 * registry does not know (src/parse/discourse.ts), so adding "Tomas Veld" adopts
 * the claims already filed under tomas-veld.
 */
export function actorIdFor(name: string): string {
  return slug(name);
}

/** An actor as an edit finds it: in the registry, or only in stored claims. */
export type FoundActor = { inRegistry: true; actor: Actor } | { inRegistry: false; id: string; name: string };

export interface RegistryEdit {
  /** The registry after the edit. */
  registry: ActorRegistry;
  /** The actor the edit made or changed, as it is now. */
  actor: Actor;
  /** True when the actor was not in the registry before. */
  created: boolean;
  /** Names the edit gave the actor (the canonical name of a new actor is not among them). */
  aliasesAdded: string[];
  /** Names asked for that the actor already had. */
  aliasesKept: string[];
  /** Actors folded into `actor` by a merge; their claims now name `actor`. */
  merged: { id: string; name: string }[];
}

/** Adds an actor; no name it is given may belong to another registry actor. */
export function addActor(registry: ActorRegistry, input: { name: string; aliases?: readonly string[]; kind?: ActorKind }): RegistryEdit {
  const name = input.name.trim();
  if (name === '') throw new ClaimsError('an actor needs a name', { code: 'USAGE', hint: 'claims actors add "Norvane Chemicals" --alias Norvane' });
  const owner = ownerOf(registry, name);
  if (owner) {
    throw new ClaimsError(`'${name}' is already ${owner.name === name ? 'in the registry' : `a name of ${owner.name}`} (${owner.id})`, {
      code: 'INPUT_INVALID',
      hint: `give ${owner.name} more names with: claims actors alias "${owner.name}" ALIAS`,
    });
  }
  const taken = new Set(registry.actors.map((a) => a.id));
  const base = actorIdFor(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const actor: Actor = { id, name, kind: input.kind ?? 'organisation', aliases: [] };
  const added = withAliases(registry, actor, input.aliases ?? [], (other) => `leave that alias out: a name can mean only one actor, and this one means ${other.name}`);
  return {
    registry: { ...registry, actors: [...registry.actors, added.actor] },
    actor: added.actor,
    created: true,
    aliasesAdded: added.added,
    aliasesKept: added.kept,
    merged: [],
  };
}

/**
 * Gives an actor more names. An actor seen only in claims joins the registry
 * (with `kind`, default organisation) under the id its claims already have.
 */
export function addAliases(registry: ActorRegistry, claims: readonly Claim[], name: string, aliases: readonly string[], kind?: ActorKind): RegistryEdit {
  const found = findActor(name, registry, claims);
  const { actor: current, created } = registryActor(found, kind);
  const added = withAliases(registry, current, aliases);
  return {
    registry: replaceActor(registry, current.id, added.actor),
    actor: added.actor,
    created,
    aliasesAdded: added.added,
    aliasesKept: added.kept,
    merged: [],
  };
}

/**
 * Folds FROM into INTO: INTO takes FROM's name and registry aliases, FROM leaves
 * the registry, and FROM's claims will name INTO.
 */
export function mergeActors(registry: ActorRegistry, claims: readonly Claim[], from: string, into: string, kind?: ActorKind): RegistryEdit {
  const source = findActor(from, registry, claims);
  const target = findActor(into, registry, claims);
  const sourceId = source.inRegistry ? source.actor.id : source.id;
  const { actor: current, created } = registryActor(target, kind);
  if (sourceId === current.id) {
    throw new ClaimsError(`'${from}' and '${into}' are the same actor (${current.id})`, {
      code: 'USAGE',
      hint: "run 'claims actors' to see who is who",
    });
  }
  const sourceName = source.inRegistry ? source.actor.name : source.name;
  const without: ActorRegistry = { ...registry, actors: registry.actors.filter((a) => a.id !== sourceId) };
  const added = withAliases(without, current, [sourceName, ...(source.inRegistry ? source.actor.aliases : [])]);
  return {
    registry: replaceActor(without, current.id, added.actor),
    actor: added.actor,
    created,
    aliasesAdded: added.added,
    aliasesKept: added.kept,
    merged: [{ id: sourceId, name: sourceName }],
  };
}

/**
 * Claims re-resolved after an edit: claims of the edited or merged actors, and
 * claims whose mention or speaker name is now one of the actor's names, name the
 * actor. A claim the parser gave to another registry actor keeps it: the
 * registry, not a bare mention, decided that.
 */
export function reresolveClaims(claims: readonly Claim[], edit: Pick<RegistryEdit, 'registry' | 'actor' | 'merged'>): { claims: Claim[]; changed: number } {
  const { actor } = edit;
  const names = new Set([actor.name, ...actor.aliases].map(normaliseName));
  const folded = new Set([actor.id, ...edit.merged.map((m) => m.id)]);
  const registryIds = new Set(edit.registry.actors.map((a) => a.id));
  let changed = 0;
  const out = claims.map((claim) => {
    const { speaker } = claim;
    const belongs =
      folded.has(speaker.id) ||
      (!registryIds.has(speaker.id) && (names.has(normaliseName(speaker.mention)) || names.has(normaliseName(speaker.name))));
    if (!belongs || (speaker.id === actor.id && speaker.name === actor.name)) return claim;
    changed++;
    return { ...claim, speaker: { ...speaker, id: actor.id, name: actor.name } };
  });
  return { claims: out, changed };
}

/**
 * The actor a name given to an edit means: exactly (any case) a registry actor's
 * id, name or alias, else the id or name of a speaker found only in claims. Edits
 * take no partial names; a near miss is offered in the hint.
 */
export function findActor(query: string, registry: ActorRegistry, claims: readonly Claim[]): FoundActor {
  const wanted = normaliseName(query);
  const inRegistry = registry.actors.filter((a) => [a.id, a.name, ...a.aliases].some((n) => normaliseName(n) === wanted));
  if (inRegistry.length === 1) return { inRegistry: true, actor: inRegistry[0] as Actor };
  if (inRegistry.length > 1) {
    throw new ClaimsError(`'${query}' is a name of ${inRegistry.length} actors: ${inRegistry.map((a) => `${a.name} (${a.id})`).join(', ')}`, {
      code: 'NOT_FOUND',
      hint: 'give the actor by its id instead',
    });
  }
  const sources = new Map<string, string>();
  for (const { speaker } of claims) {
    if (normaliseName(speaker.id) === wanted || normaliseName(speaker.name) === wanted) sources.set(speaker.id, speaker.name);
  }
  if (sources.size === 1) {
    const [[id, name]] = [...sources] as [[string, string]];
    return { inRegistry: false, id, name };
  }
  if (sources.size > 1) {
    throw new ClaimsError(`'${query}' names ${sources.size} sources: ${[...sources.keys()].join(', ')}`, { code: 'NOT_FOUND', hint: 'give the source by its id instead' });
  }
  const near = resolveActorIds(query, registry, claims);
  throw new ClaimsError(`no actor is called '${query}'`, {
    code: 'NOT_FOUND',
    hint:
      near.length > 0
        ? `did you mean ${near.slice(0, 3).map((id) => `'${nameOf(id, registry, claims)}'`).join(' or ')}? Edits need the whole name`
        : "run 'claims actors' to see every actor with the names they go by, or add one with 'claims actors add NAME'",
  });
}

function nameOf(id: string, registry: ActorRegistry, claims: readonly Claim[]): string {
  return registry.actors.find((a) => a.id === id)?.name ?? claims.find((c) => c.speaker.id === id)?.speaker.name ?? id;
}

/** The registry actor that already goes by `name`, if any. */
function ownerOf(registry: ActorRegistry, name: string): Actor | undefined {
  const wanted = normaliseName(name);
  return registry.actors.find((a) => [a.id, a.name, ...a.aliases].some((n) => normaliseName(n) === wanted));
}

function registryActor(found: FoundActor, kind: ActorKind | undefined): { actor: Actor; created: boolean } {
  if (found.inRegistry) return { actor: found.actor, created: false };
  return { actor: { id: found.id, name: found.name, kind: kind ?? 'organisation', aliases: [] }, created: true };
}

/** `actor` with the aliases it does not have yet; an alias of another registry actor is refused. */
function withAliases(
  registry: ActorRegistry,
  actor: Actor,
  aliases: readonly string[],
  hint: (owner: Actor) => string = (owner) => `one name, one actor: to make them one, run claims actors merge "${owner.name}" "${actor.name}"`,
): { actor: Actor; added: string[]; kept: string[] } {
  const own = new Set([actor.id, actor.name, ...actor.aliases].map(normaliseName));
  const added: string[] = [];
  const kept: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    if (alias === '') continue;
    const key = normaliseName(alias);
    if (own.has(key)) {
      if (!added.includes(alias)) kept.push(alias);
      continue;
    }
    const owner = registry.actors.find((a) => a.id !== actor.id && [a.id, a.name, ...a.aliases].some((n) => normaliseName(n) === key));
    if (owner) {
      throw new ClaimsError(`'${alias}' is already a name of ${owner.name} (${owner.id})`, {
        code: 'INPUT_INVALID',
        hint: hint(owner),
      });
    }
    own.add(key);
    added.push(alias);
  }
  return { actor: { ...actor, aliases: [...actor.aliases, ...added] }, added, kept };
}

function replaceActor(registry: ActorRegistry, id: string, actor: Actor): ActorRegistry {
  const exists = registry.actors.some((a) => a.id === id);
  return { ...registry, actors: exists ? registry.actors.map((a) => (a.id === id ? actor : a)) : [...registry.actors, actor] };
}
