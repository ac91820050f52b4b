// Loading what read-only commands need, and turning the user's names for actors
// and articles into ids (with errors that say what to try).
import { ClaimsError } from '../errors.js';
import { STORE_VERSION, type ActorRegistry, type Article, type Claim, type Speaker, type StoreData, type Topic } from '../model.js';
import { findByIdPrefix, findTopic, resolveActorIds } from '../query/index.js';
import { openStore, readRegistry, readStore, readTopics, storeFile, topicsFile } from '../store/index.js';
import type { Context } from './context.js';

export interface Loaded {
  dir: string;
  data: StoreData;
  registry: ActorRegistry;
  topics: Topic[];
  /** How many claims the store holds, when `data` holds only some of them. */
  total?: number;
}

export async function loadStore(ctx: Context): Promise<Loaded> {
  const dir = ctx.storeDir();
  const [data, registry, topicList] = await Promise.all([readStore(dir), readRegistry(dir), readTopics(dir)]);
  return { dir, data, registry, topics: topicList.topics };
}

/**
 * For --actor: store.json, the registry and the topics, then only the claims of the
 * actors the names resolve to (one shard file each), not the whole store.
 */
export async function loadActorsClaims(ctx: Context, names: readonly string[]): Promise<{ loaded: Loaded; actorIds: Set<string> }> {
  const dir = ctx.storeDir();
  const [snapshot, registry, topicList] = await Promise.all([openStore(dir), readRegistry(dir), readTopics(dir)]);
  const speakers = snapshot.speakers.flatMap((s) => s.names.map((name) => ({ speaker: { id: s.id, name, mention: name } })));
  const actorIds = resolveNames(names, registry, speakers);
  const claims = await snapshot.readClaims(actorIds);
  return {
    loaded: { dir, data: { version: STORE_VERSION, articles: snapshot.articles, claims }, registry, topics: topicList.topics, total: snapshot.claimCount },
    actorIds,
  };
}

/** Tells a person (on stderr) why there is nothing to show. */
export function noteEmpty(ctx: Context, loaded: Loaded, shown: number): void {
  if (shown > 0) return;
  const total = loaded.total ?? loaded.data.claims.length;
  if (total === 0) {
    ctx.note(`No claims stored yet in ${storeFile(loaded.dir)}. Add some with: claims ingest ARTICLE.txt`);
  } else {
    ctx.note(`No claims match (the store holds ${total}).`);
  }
}

/** Actor ids for the names given with --actor or to compare; every name must match someone. */
export function resolveActors(names: readonly string[], loaded: Loaded): Set<string> | undefined {
  if (names.length === 0) return undefined;
  return resolveNames(names, loaded.registry, loaded.data.claims);
}

function resolveNames(names: readonly string[], registry: ActorRegistry, speakers: readonly { speaker: Speaker }[]): Set<string> {
  const ids = new Set<string>();
  for (const name of names) {
    const found = resolveActorIds(name, registry, speakers);
    if (found.length === 0) {
      throw new ClaimsError(`no actor is called '${name}'`, {
        code: 'NOT_FOUND',
        hint: "run 'claims actors' to see every actor with the names and aliases they go by",
      });
    }
    for (const id of found) ids.add(id);
  }
  return ids;
}

/** The topic a --topic value names; unknown names are an error that lists the topics there are. */
export function resolveTopic(name: string, loaded: Loaded): Topic {
  const topic = findTopic(name, loaded.topics);
  if (topic) return topic;
  const known = loaded.topics.map((t) => t.name);
  throw new ClaimsError(`no topic is called '${name}'`, {
    code: 'NOT_FOUND',
    hint:
      known.length === 0
        ? `the topic list is empty; add topics to ${topicsFile(loaded.dir)}`
        : `the topics are ${known.join(', ')} ('claims topics' shows their keywords; edit ${topicsFile(loaded.dir)} to change them)`,
  });
}

/** The article an --article value means: its id, an id prefix, or the file it was read from. */
export function resolveArticle(query: string, articles: readonly Article[]): Article {
  // Its URL (the canonical one, or the address it was fetched from) names it too.
  const byOrigin = articles.filter((a) => (a.origin && (a.origin === query || baseName(a.origin) === query)) || a.url === query);
  if (byOrigin.length === 1) return byOrigin[0] as Article;
  if (byOrigin.length > 1) {
    throw new ClaimsError(`'${query}' is where ${byOrigin.length} articles came from`, {
      code: 'NOT_FOUND',
      hint: `give the article's id instead: ${byOrigin.slice(0, 5).map((a) => a.id).join(', ')}`,
    });
  }
  const found = findByIdPrefix(articles, query, (a) => a.id);
  if (found.kind === 'found') return found.item;
  if (found.kind === 'ambiguous') {
    throw new ClaimsError(`'${query}' could be any of ${found.candidates.length} articles`, {
      code: 'NOT_FOUND',
      hint: `give more of the id: ${found.candidates.slice(0, 5).map((a) => a.id).join(', ')}`,
    });
  }
  throw new ClaimsError(`no stored article has the id '${query}'`, {
    code: 'NOT_FOUND',
    hint: "run 'claims articles' to see the stored articles and their ids, or give the file name or URL the article was ingested from",
  });
}

/** The claim an id (or a unique prefix of one) names. */
export function resolveClaim(query: string, claims: readonly Claim[]): Claim {
  const found = findByIdPrefix(claims, query, (c) => c.id);
  if (found.kind === 'found') return found.item;
  if (found.kind === 'ambiguous') {
    throw new ClaimsError(`'${query}' is the start of ${found.candidates.length} claim ids`, {
      code: 'NOT_FOUND',
      hint: `give more of the id: ${found.candidates.slice(0, 5).map((c) => c.id).join(', ')}`,
    });
  }
  throw new ClaimsError(`no stored claim has the id '${query}'`, {
    code: 'NOT_FOUND',
    hint: "run 'claims list' to see claim ids",
  });
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
