// A claim as its shard file holds it, made before the store write: `claims ingest`
// renders each claim's text where it was parsed (on a worker thread, for a big
// folder), as UTF-8 bytes, so the thread that writes the store receives a few
// short strings and a view of bytes per claim instead of a tree of objects.
// Holding 100,000 claims as objects (or as strings: UTF-16, twice the bytes) until
// the write cost that thread more in garbage collection than the write itself,
// since every object is copied as it survives; bytes live outside the JavaScript
// heap and are never copied. Rendering them there also made the write the longest
// step that nothing ran beside. Pure: no I/O, safe on any thread.
import type { Article, Claim, ParseResult } from '../model.js';
import type { TextSink } from './file-io.js';

/** A claim ready for its shard: what the store indexes it by, and its text. */
export interface ShardClaim {
  readonly id: string;
  readonly articleId: string;
  readonly speakerId: string;
  /** The speaker's name and mention, for the manifest's index of names. */
  readonly name: string;
  readonly mention: string;
  /** The claim as it sits in its shard (see claimText), or its UTF-8 bytes. */
  readonly text: string | Uint8Array;
}

/** A parse result whose claims are ready for their shards. */
export interface PreparedResult {
  article: Article;
  claims: ShardClaim[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The shard form of every claim of a parse result, their texts' bytes in one buffer. */
export function prepareResult(parsed: ParseResult): PreparedResult {
  const texts = parsed.claims.map(claimText);
  const sizes = texts.map((text) => Buffer.byteLength(text));
  const bytes = new Uint8Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  const claims = parsed.claims.map((claim, i) => {
    const view = bytes.subarray(at, (at += sizes[i]!));
    encoder.encodeInto(texts[i]!, view);
    return shardClaim(claim, view);
  });
  return { article: parsed.article, claims };
}

function shardClaim(claim: Claim, text: string | Uint8Array): ShardClaim {
  const { id, articleId, speaker } = claim;
  return { id, articleId, speakerId: speaker.id, name: speaker.name, mention: speaker.mention, text };
}

/** A shard claim's text as a string. */
function textOf(claim: ShardClaim): string {
  return typeof claim.text === 'string' ? claim.text : decoder.decode(claim.text);
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
  const parsed = { ...(JSON.parse(textOf(claim)) as Claim), articleId };
  return shardClaim(parsed, claimText(parsed));
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
  writeShard({ write: (text) => out.push(typeof text === 'string' ? text : decoder.decode(text)) }, speakerId, claims);
  return out.join('');
}

/**
 * A shard's text in pieces, a claim at a time: byte for byte
 * `JSON.stringify({ speakerId, claims }, null, 2)` and a newline, without ever
 * holding the whole file as one string.
 */
export function writeShard(out: TextSink, speakerId: string, claims: readonly ShardClaim[]): void {
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
