// Folding parse results into the store, and taking an article out of it. Pure (no
// I/O, no clock) so ingest and remove run them inside updateStore and tests can
// run them on plain objects.
import type { Article, ParseResult, StoreData } from '../model.js';

/** What merging needs of a claim: the store's Claim, or its shard form (ShardClaim). */
interface ArticleClaim {
  readonly id: string;
  readonly articleId: string;
}

/** Articles and claims of either form, as mergeAll reads and extends them. */
interface Merged<C extends ArticleClaim> {
  articles: Article[];
  claims: C[];
}

export interface MergeResult {
  /** The stored article the claims belong to (an earlier record of the same text keeps its id). */
  articleId: string;
  added: number;
  existing: number;
  /** Claims of an earlier version of the page at the same URL, replaced by this one's. */
  replaced: number;
}

/**
 * Adds each article once and every claim whose id is not stored yet. An article is
 * the same as a stored one when it has the same id (its canonical URL, or its text
 * hash) or the same text: the same story read from a file and from its URL is kept
 * once, under the id it was first stored with. Claim ids come from the text, so
 * ingesting the same article again changes nothing — not even `ingestedAt`.
 * A page at a stored URL whose text has changed replaces the stored version: the
 * article record takes the new text's details and its claims replace the old ones.
 * Linear in the store size however many results are merged: the indexes are built once.
 * `fileUnder` gives a claim its stored article's id (a copy with the field set, by default).
 */
export function mergeAll<C extends ArticleClaim>(
  data: Merged<C>,
  results: readonly { article: Article; claims: readonly C[] }[],
  ingestedAt?: string,
  fileUnder: (claim: C, articleId: string) => C = (claim, articleId) => ({ ...claim, articleId }),
): MergeResult[] {
  const byId = new Map(data.articles.map((a) => [a.id, a]));
  const byText = new Map(data.articles.map((a) => [a.textHash, a]));
  const known = new Set(data.claims.map((claim) => claim.id));
  return results.map((parsed) => {
    const stamp = ingestedAt ?? parsed.article.ingestedAt;
    const incoming: Article = stamp === undefined ? { ...parsed.article } : { ...parsed.article, ingestedAt: stamp };
    let stored = byId.get(incoming.id) ?? byText.get(incoming.textHash);
    let replaced = 0;
    if (stored === undefined) {
      stored = incoming;
      data.articles.push(stored);
      byId.set(stored.id, stored);
    } else if (stored.textHash !== incoming.textHash) {
      replaced = dropClaimsOf(data, stored.id, known);
      byText.delete(stored.textHash);
      Object.assign(stored, incoming);
    } else if (!stored.url && incoming.url) {
      stored.url = incoming.url;
    }
    byText.set(stored.textHash, stored);

    let added = 0;
    let existing = 0;
    for (const claim of parsed.claims) {
      // One hash lookup, not has() then add(): a big ingest merges ~100,000 claims
      // here in one go, and with that many ids each lookup is a cache miss.
      const before = known.size;
      known.add(claim.id);
      if (known.size === before) {
        existing++;
        continue;
      }
      data.claims.push(fileUnder(claim, stored.id));
      added++;
    }
    return { articleId: stored.id, added, existing, replaced };
  });
}

/**
 * Adds the article unless it is already stored, and every claim whose id is not:
 * mergeAll for one result. `added` and `existing` count claims.
 */
export function mergeParsed(data: StoreData, parsed: ParseResult, ingestedAt?: string): { added: number; existing: number } {
  const [result] = mergeAll(data, [parsed], ingestedAt);
  return { added: result?.added ?? 0, existing: result?.existing ?? 0 };
}

/** Takes an article and all its claims out of the store; returns how many claims went. */
export function removeArticle(data: StoreData, articleId: string): { article: Article | undefined; claims: number } {
  const article = data.articles.find((a) => a.id === articleId);
  data.articles = data.articles.filter((a) => a.id !== articleId);
  const claims = dropClaimsOf(data, articleId);
  return { article, claims };
}

function dropClaimsOf<C extends ArticleClaim>(data: Merged<C>, articleId: string, known?: Set<string>): number {
  const before = data.claims.length;
  data.claims = data.claims.filter((claim) => {
    if (claim.articleId !== articleId) return true;
    known?.delete(claim.id);
    return false;
  });
  return before - data.claims.length;
}
