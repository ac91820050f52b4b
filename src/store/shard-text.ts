// A claim as its shard file holds it, made before the store write: `claims ingest`
// renders each claim's text where it was parsed (on a worker thread, for a big
// folder), as UTF-8 bytes, and packs an article's claims column by column, so the
// thread that writes the store receives a handful of objects per article instead
// of a tree of them per claim. That thread holds every claim until the write, and
// whatever it holds in objects (or strings: UTF-16, twice the bytes) is copied by
// the garbage collector as it survives, while the parsers need the same cores;
// bytes live outside the JavaScript heap and are never copied. The claims are
// unpacked into ShardClaims only for the write. Pure: no I/O, safe on any thread.
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
  claims: PackedClaims;
}

/**
 * The ShardClaims of one article, column by column: plain data (it crosses
 * between threads as it is) of a few objects whatever the number of claims.
 */
export interface PackedClaims {
  count: number;
  ids: string[];
  /** The distinct [articleId, speakerId, name, mention] of the claims, one after the other. */
  keys: string[];
  /** Per claim, where its four keys start in `keys`. */
  keyAt: number[];
  /** Every claim's text as UTF-8, one after the other. */
  bytes: Uint8Array;
  /** Per claim, where its text ends in `bytes`. */
  ends: number[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The shard form of every claim of a parse result, packed (see PackedClaims). */
export function prepareResult(parsed: ParseResult): PreparedResult {
  const texts: string[] = [];
  const ids: string[] = [];
  const keys: string[] = [];
  const keyAt: number[] = [];
  const ends: number[] = [];
  const index = new KeyIndex(keys);
  let size = 0;
  for (const claim of parsed.claims) {
    const text = claimText(claim);
    texts.push(text);
    ends.push((size += Buffer.byteLength(text)));
    ids.push(claim.id);
    keyAt.push(index.of(claim.articleId, claim.speaker));
  }
  // One encoding of every text, into a buffer of its own (a Buffer could be a view
  // of Node's shared pool, and a view is cloned with all of its memory).
  const bytes = encoder.encode(texts.join(''));
  return { article: parsed.article, claims: { count: ids.length, ids, keys, keyAt, bytes, ends } };
}

/**
 * Where each distinct [articleId, speakerId, name, mention] starts in `keys`,
 * adding it the first time. An article quotes a handful of speakers: comparing
 * with those already kept costs less than making a key string for a map, which
 * is used only once an article has many.
 */
class KeyIndex {
  private map: Map<string, number> | undefined;

  constructor(private readonly keys: string[]) {}

  of(articleId: string, speaker: Claim['speaker']): number {
    const { keys } = this;
    const { id, name, mention } = speaker;
    if (this.map === undefined) {
      for (let at = 0; at < keys.length; at += 4) {
        if (keys[at + 1] === id && keys[at + 3] === mention && keys[at + 2] === name && keys[at] === articleId) return at;
      }
      if (keys.length < 4 * LINEAR_KEYS) return this.add(articleId, id, name, mention);
      this.map = new Map();
      for (let at = 0; at < keys.length; at += 4) this.map.set(JSON.stringify(keys.slice(at, at + 4)), at);
    }
    const key = JSON.stringify([articleId, id, name, mention]);
    const at = this.map.get(key);
    if (at !== undefined) return at;
    this.map.set(key, keys.length);
    return this.add(articleId, id, name, mention);
  }

  private add(...tuple: string[]): number {
    const at = this.keys.length;
    this.keys.push(...tuple);
    return at;
  }
}

/** Distinct key tuples an article keeps in a list before KeyIndex switches to a map. */
const LINEAR_KEYS = 32;

/** The claims packed by prepareResult, each read from the columns when asked. */
export function unpackClaims(packed: PackedClaims): ShardClaim[] {
  const claims: ShardClaim[] = [];
  for (let i = 0; i < packed.count; i++) claims.push(new PackedClaim(packed, i));
  return claims;
}

/**
 * One claim of a PackedClaims: two fields, not six and a view of bytes. The store
 * write holds every claim it writes, and what it holds is copied as it survives
 * the garbage collector's young generation; the fields are read a few times each.
 */
class PackedClaim implements ShardClaim {
  constructor(
    private readonly packed: PackedClaims,
    private readonly index: number,
  ) {}

  get id(): string {
    return this.packed.ids[this.index]!;
  }
  get articleId(): string {
    return this.key(0);
  }
  get speakerId(): string {
    return this.key(1);
  }
  get name(): string {
    return this.key(2);
  }
  get mention(): string {
    return this.key(3);
  }
  get text(): Uint8Array {
    const { bytes, ends } = this.packed;
    return bytes.subarray(this.index === 0 ? 0 : ends[this.index - 1], ends[this.index]);
  }

  private key(field: number): string {
    return this.packed.keys[this.packed.keyAt[this.index]! + field]!;
  }
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
 * A claim as its shard holds it. In a shard a claim sits at depth 2 (in the array,
 * in the object), as it does in [[claim]]: stringifying that and cutting off
 * "[\n  [\n    " and "\n  ]\n]" gives the claim with its lines indented for the
 * shard. A claim as the parser makes it is written field by field instead (see
 * plainClaimText), to the same text.
 */
function claimText(claim: Claim): string {
  return plainClaimText(claim) ?? JSON.stringify([[claim]], null, 2).slice(10, -6);
}

const PLAIN_KEYS = ['id', 'articleId', 'speaker', 'stance', 'date', 'dateText', 'content', 'quote', 'sentence', 'start', 'end', 'cue'];
const SPEAKER_KEYS = ['id', 'name', 'mention'];

/**
 * claimText for a claim with exactly these fields in this order (what the parser
 * makes: ClaimSchema's, without the optional topics), each a string, a number or
 * null as the schema says: the same text, made field by field. Stringify with an
 * indent costs a third more, and `claims ingest` does this for every claim it
 * parses. Undefined for any other claim, which goes the general way.
 */
function plainClaimText(claim: Claim): string | undefined {
  let i = 0;
  for (const key in claim) if (key !== PLAIN_KEYS[i++]) return undefined;
  if (i !== PLAIN_KEYS.length) return undefined;
  const { speaker } = claim;
  let k = 0;
  for (const key in speaker) if (key !== SPEAKER_KEYS[k++]) return undefined;
  if (k !== SPEAKER_KEYS.length) return undefined;
  const { id, articleId, stance, date, dateText, content, quote, sentence, start, end, cue } = claim;
  const text = (v: unknown) => typeof v === 'string';
  const textOrNull = (v: unknown) => v === null || typeof v === 'string';
  if (!(text(id) && text(articleId) && text(speaker.id) && text(speaker.name) && text(speaker.mention) && text(stance))) return undefined;
  if (!(text(content) && text(sentence) && text(cue) && textOrNull(date) && textOrNull(dateText) && textOrNull(quote))) return undefined;
  if (typeof start !== 'number' || typeof end !== 'number') return undefined;
  const j = JSON.stringify;
  return (
    `{\n      "id": ${j(id)},\n      "articleId": ${j(articleId)},\n      "speaker": {\n        "id": ${j(speaker.id)},\n        "name": ${j(speaker.name)},\n        "mention": ${j(speaker.mention)}\n      },` +
    `\n      "stance": ${j(stance)},\n      "date": ${j(date)},\n      "dateText": ${j(dateText)},\n      "content": ${j(content)},\n      "quote": ${j(quote)},` +
    `\n      "sentence": ${j(sentence)},\n      "start": ${j(start)},\n      "end": ${j(end)},\n      "cue": ${j(cue)}\n    }`
  );
}

/** Indented so a person can find and fix the field a STORE_INVALID error names. */
export function shardText(speakerId: string, claims: readonly ShardClaim[]): string {
  const out: string[] = [];
  writeShard({ write: (text) => out.push(typeof text === 'string' ? text : decoder.decode(text)) }, speakerId, claims);
  return out.join('');
}

/**
 * What goes between two claims of a shard, encoded once: claims' texts are bytes
 * already, and encoding a short string for every claim took 40% of writing them.
 */
const CLAIM_SEPARATOR = encoder.encode(',\n    ');

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
    if (i > 0) out.write(CLAIM_SEPARATOR);
    out.write(claims[i]!.text);
  }
  out.write('\n  ]\n}\n');
}
