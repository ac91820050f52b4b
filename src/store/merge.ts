// Folding a parse result into the store. Pure (no I/O, no clock) so ingest can run
// it inside updateStore and tests can run it on plain objects.
import type { ParseResult, StoreData } from '../model.js';

/**
 * Adds the article unless its id is already stored, and every claim whose id is
 * not. Ids come from the parser and are derived from the text, so ingesting the
 * same article again changes nothing — not even the original `ingestedAt`.
 * `added` and `existing` count claims. Linear in the store size: one Set of ids.
 */
export function mergeParsed(data: StoreData, parsed: ParseResult, ingestedAt?: string): { added: number; existing: number } {
  if (!data.articles.some((article) => article.id === parsed.article.id)) {
    const stamp = ingestedAt ?? parsed.article.ingestedAt;
    data.articles.push(stamp === undefined ? { ...parsed.article } : { ...parsed.article, ingestedAt: stamp });
  }

  const known = new Set(data.claims.map((claim) => claim.id));
  let added = 0;
  let existing = 0;
  for (const claim of parsed.claims) {
    if (known.has(claim.id)) {
      existing++;
      continue;
    }
    known.add(claim.id);
    data.claims.push({ ...claim });
    added++;
  }
  return { added, existing };
}
