// A claim as its shard file holds it, made before the store write: `claims ingest`
// renders each claim's text where it was parsed (on a worker thread, for a big
// folder), so the thread that writes the store receives a few short strings and
// one block of text per claim instead of a tree of objects. Holding 100,000
// claims as objects until the write cost that thread more in garbage collection
// than the write itself, and rendering them there made the write the longest step
// that nothing ran beside. Pure: no I/O, safe on any thread.
import type { Article, Claim, ParseResult } from '../model.js';

/** A claim ready for its shard: what the store indexes it by, and its text. */
export interface ShardClaim {
  readonly id: string;
  readonly articleId: string;
  readonly speakerId: string;
  /** The speaker's name and mention, for the manifest's index of names. */
  readonly name: string;
  readonly mention: string;
  /** The claim as it sits in its shard (see claimText). */
  readonly text: string;
}

/** A parse result whose claims are ready for their shards. */
export interface PreparedResult {
  article: Article;
  claims: ShardClaim[];
}

/** The shard form of every claim of a parse result. */
export function prepareResult(parsed: ParseResult): PreparedResult {
  return { article: parsed.article, claims: parsed.claims.map(shardClaim) };
}

/** A claim's shard form, its text made now. */
export function shardClaim(claim: Claim): ShardClaim {
  const { id, articleId, speaker } = claim;
  return { id, articleId, speakerId: speaker.id, name: speaker.name, mention: speaker.mention, text: claimText(claim) };
}

/**
 * A claim's shard form whose text is made only if it is written: claims read from
 * a shard are mostly written back unchanged or not at all.
 */
export function storedClaim(claim: Claim): ShardClaim {
  const { id, articleId, speaker } = claim;
  let text: string | undefined;
  return {
    id,
    articleId,
    speakerId: speaker.id,
    name: speaker.name,
    mention: speaker.mention,
    get text() {
      return (text ??= claimText(claim));
    },
  };
}

/**
 * The same claim filed under another article (the same text stored earlier under
 * another id): its text is read back, so the claim keeps every field and their order.
 */
export function withArticleId(claim: ShardClaim, articleId: string): ShardClaim {
  if (claim.articleId === articleId) return claim;
  const parsed = JSON.parse(claim.text) as Claim;
  return shardClaim({ ...parsed, articleId });
}

/**
 * In a shard a claim sits at depth 2 (in the array, in the object), as it does in
 * [[claim]]: stringifying that and cutting off "[\n  [\n    " and "\n  ]\n]" gives
 * the claim with its lines indented for the shard, in one pass.
 */
function claimText(claim: Claim): string {
  return JSON.stringify([[claim]], null, 2).slice(10, -6);
}

/** Indented so a person can find and fix the field a STORE_INVALID error names. */
export function shardText(speakerId: string, claims: readonly ShardClaim[]): string {
  const out: string[] = [];
  writeShard({ write: (text) => out.push(text) }, speakerId, claims);
  return out.join('');
}

/**
 * A shard's text in pieces, a claim at a time: byte for byte
 * `JSON.stringify({ speakerId, claims }, null, 2)` and a newline, without ever
 * holding the whole file as one string.
 */
export function writeShard(out: { write(text: string): void }, speakerId: string, claims: readonly ShardClaim[]): void {
  if (claims.length === 0) {
    out.write(`${JSON.stringify({ speakerId, claims: [] }, null, 2)}\n`);
    return;
  }
  out.write(`{\n  "speakerId": ${JSON.stringify(speakerId)},\n  "claims": [\n    `);
  for (let i = 0; i < claims.length; i++) {
    if (i > 0) out.write(',\n    ');
    out.write(claims[i]!.text);
  }
  out.write('\n  ]\n}\n');
}
