// Reading and updating the store folder. The one rule that matters most: a file we
// cannot fully understand (bad JSON, failed validation, newer version) is never
// written over — we throw before the lock-protected write is reached.
//
// Layout (store version 2):
//   <dir>/store.json            manifest: { version, generation, articles, shards }
//   <dir>/claims/<id>.g<N>.json { speakerId, claims } — every claim of one speaker
// Shard files are copy-on-write: a write puts changed shards in new files named
// after the new generation, then replaces store.json (the commit point), so a
// crash at any moment leaves the old manifest pointing at old, intact files. Files
// no manifest names (left by a crash, or replaced by the previous write) are
// removed by the next write, under the lock. Versions 0 and 1 (one store.json
// holding everything) are read in memory and split on the first write, which
// keeps the original as store.json.v<old>.bak.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ClaimsError } from '../errors.js';
import {
  ManifestSchema,
  STORE_VERSION,
  ShardSchema,
  StoreSchema,
  type Article,
  type Claim,
  type Manifest,
  type ParseResult,
  type ShardEntry,
  type StoreData,
} from '../model.js';
import { ioError, listBackups, readIfExists, removeOrphanedTemps, writeAtomically, writeBackup, writeNewFiles, type NewFile } from './file-io.js';
import { storeFile } from './location.js';
import { DEFAULT_LOCK_TIMEOUT_MS, withLock, type HeldLock } from './lock.js';
import { mergeAll, type MergeResult } from './merge.js';
import { prepareResult, shardText, storedClaim, unpackClaims, withArticleId, writeShard, type PreparedResult, type ShardClaim } from './shard-text.js';
import { detectVersion, migrateFrom } from './migrate.js';
import { checkSchema, invalidFileError, parseJson, type CheckFailure } from './validate.js';

export const CLAIMS_DIR = 'claims';

export interface UpdateOptions {
  /** How long to wait for another process's lock; default 10 s. 0 means do not wait. */
  lockTimeoutMs?: number;
}

/** What store.json turned out to be. */
type Loaded =
  | { kind: 'empty' }
  /** A version-0/1 single-file store, upgraded in memory; `bytes` is the file as read, for the backup. */
  | { kind: 'legacy'; data: StoreData; bytes: Buffer; fromVersion: number }
  | { kind: 'sharded'; manifest: Manifest };

/** One speaker as the manifest knows it. */
export interface SpeakerIndex {
  id: string;
  names: string[];
  claims: number;
}

/**
 * The store as of one read of store.json: the articles and the speakers are in
 * memory, the claims are read from their shards on demand.
 */
export interface StoreSnapshot {
  articles: Article[];
  speakers: SpeakerIndex[];
  claimCount: number;
  /** Every claim of these speakers (unknown ids are skipped), validated shard by shard. */
  readClaims(speakerIds: Iterable<string>): Promise<Claim[]>;
  /** Every claim, one speaker's shard at a time: memory holds one shard, not the store. */
  shards(): AsyncIterable<Claim[]>;
}

/** The store, upgraded in memory if it is older; a missing store reads as empty. Writes nothing. */
export async function readStore(dir: string): Promise<StoreData> {
  return retryVanished(async () => {
    const loaded = await load(dir);
    if (loaded.kind === 'empty') return emptyStore();
    if (loaded.kind === 'legacy') return loaded.data;
    const claims: Claim[] = [];
    for (const [speakerId, entry] of Object.entries(loaded.manifest.shards)) {
      for (const claim of await readShard(dir, speakerId, entry)) claims.push(claim);
    }
    return { version: STORE_VERSION, articles: loaded.manifest.articles, claims };
  });
}

/** Reads store.json only; claims come later, from the shards asked for. */
export async function openStore(dir: string): Promise<StoreSnapshot> {
  const loaded = await load(dir);
  if (loaded.kind !== 'sharded') {
    const data = loaded.kind === 'empty' ? emptyStore() : loaded.data;
    const groups = groupBySpeaker(data.claims);
    return {
      articles: data.articles,
      speakers: [...groups].map(([id, claims]) => ({ id, names: namesOf(claims.map((c) => c.speaker)), claims: claims.length })),
      claimCount: data.claims.length,
      readClaims: async (ids) => [...new Set(ids)].flatMap((id) => groups.get(id) ?? []),
      shards: async function* () {
        for (const claims of groups.values()) yield claims;
      },
    };
  }
  let manifest = loaded.manifest;
  // A writer may replace a shard between our reading store.json and the shard, and
  // a second writer may then remove the old file: read the newer manifest and retry.
  const shardOf = async (speakerId: string): Promise<Claim[]> => {
    for (let attempt = 0; ; attempt++) {
      const entry = manifest.shards[speakerId];
      if (entry === undefined) return [];
      try {
        return await readShard(dir, speakerId, entry);
      } catch (err) {
        if (!(err instanceof Vanished) || attempt >= 3) throw unwrapVanished(err);
        const again = await load(dir);
        if (again.kind !== 'sharded') throw unwrapVanished(err);
        manifest = again.manifest;
      }
    }
  };
  const shards = Object.entries(manifest.shards);
  return {
    articles: manifest.articles,
    speakers: shards.map(([id, entry]) => ({ id, names: entry.names, claims: entry.claims })),
    claimCount: shards.reduce((n, [, entry]) => n + entry.claims, 0),
    readClaims: async (ids) => {
      const out: Claim[] = [];
      for (const id of new Set(ids)) for (const claim of await shardOf(id)) out.push(claim);
      return out;
    },
    shards: async function* () {
      for (const [id] of shards) yield await shardOf(id);
    },
  };
}

/** Every claim of these speakers. */
export async function readClaims(dir: string, opts: { speakerIds: Iterable<string> }): Promise<Claim[]> {
  return (await openStore(dir)).readClaims(opts.speakerIds);
}

/** Every claim, streamed shard by shard (validated as each shard is read). */
export async function* streamClaims(dir: string): AsyncIterable<Claim> {
  const snapshot = await openStore(dir);
  for await (const shard of snapshot.shards()) yield* shard;
}

/**
 * Read-modify-write of the whole store under the store lock. `fn` mutates `data` in
 * place; only the shards whose claims changed (and store.json) are written, and only
 * if something changed or the store needed upgrading. For rare edits; ingest uses
 * ingestParsed, which reads only the shards it touches.
 */
export async function updateStore<T>(
  dir: string,
  fn: (data: StoreData) => T | Promise<T>,
  opts: UpdateOptions = {},
): Promise<{ data: StoreData; result: T }> {
  return locked(dir, opts, async (lock) => {
    const loaded = await load(dir);
    const data = loaded.kind === 'empty' ? emptyStore() : loaded.kind === 'legacy' ? loaded.data : await readAllUnlocked(dir, loaded.manifest);
    const before = shardTexts(data.claims.map(storedClaim));
    const articlesBefore = JSON.stringify(data.articles);
    const result = await fn(data);
    const checked = checkSchema(StoreSchema, data);
    if (!checked.ok) {
      // fn is our own code, so this is a bug, not something the user can fix.
      throw new Error(`refusing to write an invalid store to ${storeFile(dir)}: ${checked.where ?? ''} ${checked.problem}`);
    }
    const after = groupBySpeaker(data.claims.map(storedClaim));
    const changed = new Map<string, ShardClaim[]>();
    for (const [id, claims] of after) if (loaded.kind !== 'sharded' || before.get(id) !== shardText(id, claims)) changed.set(id, claims);
    for (const id of before.keys()) if (!after.has(id)) changed.set(id, []);
    const articlesChanged = JSON.stringify(data.articles) !== articlesBefore;
    if (loaded.kind !== 'legacy' && changed.size === 0 && !articlesChanged) return { data, result };
    await commit(dir, lock, loaded, data.articles, changed);
    return { data, result };
  });
}

/**
 * Adds parsed articles and their claims by mergeAll's rules (an article is kept
 * once, by id or text; a claim once by id), reading and writing only the shards of
 * the speakers the new claims belong to, plus store.json. A changed page at a
 * stored URL replaces that article's claims, which may sit in any shard: that rare
 * case reads the whole store. Returns mergeAll's result per parse result.
 */
export async function ingestParsed(
  dir: string,
  results: readonly ParseResult[],
  ingestedAt?: string,
  opts: UpdateOptions = {},
): Promise<MergeResult[]> {
  return ingestPrepared(dir, results.map(prepareResult), ingestedAt, opts);
}

/** ingestParsed for results whose claims were made ready for their shards already (prepareResult), as `claims ingest` does where it parses. */
export async function ingestPrepared(
  dir: string,
  prepared: readonly PreparedResult[],
  ingestedAt?: string,
  opts: UpdateOptions = {},
): Promise<MergeResult[]> {
  const results = prepared.map(({ article, claims }) => ({ article, claims: unpackClaims(claims) }));
  return locked(dir, opts, async (lock) => {
    const loaded = await load(dir);
    if (loaded.kind !== 'sharded') {
      // An empty or old store: everything is in memory anyway, and all of it gets written.
      const data = loaded.kind === 'empty' ? emptyStore() : loaded.data;
      const merged = { articles: data.articles, claims: data.claims.map(storedClaim) };
      const counts = mergeAll(merged, results, ingestedAt, withArticleId);
      if (loaded.kind === 'empty' && merged.claims.length === 0 && merged.articles.length === 0) return counts;
      await commit(dir, lock, loaded, merged.articles, groupBySpeaker(merged.claims));
      return counts;
    }
    const { manifest } = loaded;
    const byId = new Map(manifest.articles.map((a) => [a.id, a]));
    const byText = new Map(manifest.articles.map((a) => [a.textHash, a]));
    const replaces = results.some(({ article }) => {
      const stored = byId.get(article.id) ?? byText.get(article.textHash);
      return stored !== undefined && stored.textHash !== article.textHash;
    });
    // Every shard when an article's claims are replaced, else only the quoted speakers'.
    const touched = replaces ? Object.keys(manifest.shards) : new Set(results.flatMap((r) => r.claims.map((c) => c.speakerId)));
    const merged: { articles: Article[]; claims: ShardClaim[] } = { articles: manifest.articles, claims: [] };
    for (const id of touched) {
      const entry = manifest.shards[id];
      if (entry === undefined) continue;
      const stored = await readShard(dir, id, entry).catch((err: unknown) => Promise.reject(unwrapVanished(err)));
      for (const claim of stored) merged.claims.push(storedClaim(claim));
    }
    // Without a replacement mergeAll only appends claims, so a shard changed exactly
    // when it grew; serialising every touched shard twice to compare is then wasted.
    const before = replaces ? shardTexts(merged.claims) : undefined;
    const sizes = new Map([...groupBySpeaker(merged.claims)].map(([id, group]) => [id, group.length]));
    const articlesBefore = JSON.stringify(merged.articles);
    const counts = mergeAll(merged, results, ingestedAt, withArticleId);
    const changed = new Map<string, ShardClaim[]>();
    const after = groupBySpeaker(merged.claims);
    for (const [id, claims] of after) {
      if (before ? before.get(id) !== shardText(id, claims) : sizes.get(id) !== claims.length) changed.set(id, claims);
    }
    for (const id of sizes.keys()) if (!after.has(id)) changed.set(id, []);
    const articlesChanged = JSON.stringify(merged.articles) !== articlesBefore;
    if (changed.size === 0 && !articlesChanged) return counts;
    await commit(dir, lock, loaded, merged.articles, changed);
    return counts;
  });
}

export function emptyStore(): StoreData {
  return { version: STORE_VERSION, articles: [], claims: [] };
}

/** A file name for a speaker id: readable, safe on every file system, and unique (a hash when the id had to change). */
export function shardBaseName(speakerId: string): string {
  const safe = speakerId.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
  if (safe === speakerId && safe !== '') return safe;
  const hash = createHash('sha256').update(speakerId).digest('hex').slice(0, 8);
  return `${safe === '' ? 'speaker' : safe}-${hash}`;
}

// ---------------------------------------------------------------------------

async function locked<T>(dir: string, opts: UpdateOptions, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
  // The lock lives inside the store folder, so the folder has to exist first.
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw ioError('create', dir, err);
  }
  return withLock(storeFile(dir), opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, fn);
}

/**
 * Writes the changed shards (an empty list removes the speaker) into new files,
 * then store.json. Under the lock; `loaded` is what store.json held when it was read.
 */
async function commit(dir: string, lock: HeldLock, loaded: Loaded, articles: Article[], changed: ReadonlyMap<string, readonly ShardClaim[]>): Promise<void> {
  const file = storeFile(dir);
  const old = loaded.kind === 'sharded' ? loaded.manifest : undefined;
  const generation = (old?.generation ?? 0) + 1;
  const shards: Record<string, ShardEntry> = { ...(old?.shards ?? {}) };
  lock.assertHeld();
  await removeOrphanedTemps(file);
  await removeUnreferenced(dir, old);
  const files: NewFile[] = [];
  for (const [speakerId, claims] of changed) {
    if (claims.length === 0) {
      delete shards[speakerId];
      continue;
    }
    const entry: ShardEntry = { file: `${CLAIMS_DIR}/${shardBaseName(speakerId)}.g${generation}.json`, claims: claims.length, names: namesOf(claims) };
    shards[speakerId] = entry;
    files.push({ name: path.basename(entry.file), fill: (out) => writeShard(out, speakerId, claims) });
  }
  // All shard files are renamed into place, and the folder synced, before
  // store.json is replaced (see writeNewFiles).
  if (files.length > 0) await writeNewFiles(path.join(dir, CLAIMS_DIR), files, { inFlight: SHARD_WRITES_IN_FLIGHT, beforeEach: () => lock.assertHeld() });
  const manifest: Manifest = { version: STORE_VERSION, generation, articles, shards };
  const checked = checkSchema(ManifestSchema, manifest);
  if (!checked.ok) throw new Error(`refusing to write an invalid manifest to ${file}: ${checked.where ?? ''} ${checked.problem}`);
  lock.assertHeld();
  if (loaded.kind === 'legacy') await writeBackup(file, `v${loaded.fromVersion}`, loaded.bytes);
  lock.assertHeld();
  await writeAtomically(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Shard fsyncs waiting at once: many in flight share the file system's journal
 * commits, so a write touching hundreds of speakers is not hundreds of
 * sequential disk flushes.
 */
const SHARD_WRITES_IN_FLIGHT = 32;

/**
 * Shard files the current manifest does not name: replaced by the previous write
 * (a reader that still wants one re-reads store.json), written by a process killed
 * before its commit, or write-file-atomic temp files. Only names of our own making.
 */
async function removeUnreferenced(dir: string, manifest: Manifest | undefined): Promise<void> {
  const folder = path.join(dir, CLAIMS_DIR);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  const keep = new Set(Object.values(manifest?.shards ?? {}).map((entry) => path.basename(entry.file)));
  const ours = /^[a-z0-9-]+\.g\d+\.json(\.\d+)?$/;
  await Promise.all(
    names.filter((name) => ours.test(name) && !keep.has(name)).map((name) => fs.rm(path.join(folder, name), { force: true }).catch(() => {})),
  );
}

async function readAllUnlocked(dir: string, manifest: Manifest): Promise<StoreData> {
  const claims: Claim[] = [];
  for (const [speakerId, entry] of Object.entries(manifest.shards)) {
    for (const claim of await readShard(dir, speakerId, entry).catch((err: unknown) => Promise.reject(unwrapVanished(err)))) claims.push(claim);
  }
  return { version: STORE_VERSION, articles: manifest.articles, claims };
}

/** Raised inside this module when a shard named by the manifest is gone (a writer replaced it). */
class Vanished extends Error {
  constructor(readonly error: ClaimsError) {
    super(error.message);
  }
}

function unwrapVanished(err: unknown): unknown {
  return err instanceof Vanished ? err.error : err;
}

async function retryVanished<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof Vanished) || attempt >= 3) throw unwrapVanished(err);
    }
  }
}

async function readShard(dir: string, speakerId: string, entry: ShardEntry): Promise<Claim[]> {
  const file = path.join(dir, entry.file);
  const bytes = await readIfExists(file);
  if (bytes === undefined) {
    throw new Vanished(
      new ClaimsError(`${file} is missing: ${storeFile(dir)} lists it for the claims of ${speakerId}`, {
        code: 'STORE_INVALID',
        hint: `Restore it from a backup, or remove the "${speakerId}" entry from the shards in ${storeFile(dir)} to drop those claims.`,
      }),
    );
  }
  const parsed = parseJson(bytes.toString('utf8'));
  if (!parsed.ok) throw shardInvalid(dir, file, speakerId, parsed);
  const checked = checkSchema(ShardSchema, parsed.value);
  if (!checked.ok) throw shardInvalid(dir, file, speakerId, checked);
  if (checked.value.speakerId !== speakerId) {
    throw shardInvalid(dir, file, speakerId, {
      ok: false,
      syntax: false,
      where: 'speakerId',
      problem: `expected "${speakerId}" (the speaker ${storeFile(dir)} lists this file for), got "${checked.value.speakerId}"`,
    });
  }
  return checked.value.claims;
}

function shardInvalid(dir: string, file: string, speakerId: string, failure: CheckFailure): ClaimsError {
  return invalidFileError(file, failure, [
    'restore it from a backup',
    `remove the "${speakerId}" entry from the shards in ${storeFile(dir)} to drop its claims`,
  ]);
}

// One JSON.parse and one schema pass of store.json; for a version-2 store that is
// the manifest only (articles and the shard index), whatever the number of claims.
async function load(dir: string): Promise<Loaded> {
  const file = storeFile(dir);
  const bytes = await readIfExists(file);
  if (bytes === undefined) return { kind: 'empty' };

  const parsed = parseJson(bytes.toString('utf8'));
  if (!parsed.ok) throw await storeInvalid(file, parsed);

  const version = detectVersion(parsed.value);
  if (version.kind === 'too-new') throw tooNew(file, version.version);
  if (version.kind === 'invalid') throw await storeInvalid(file, { ok: false, syntax: false, ...version });

  if (version.version === STORE_VERSION) {
    const checked = checkSchema(ManifestSchema, parsed.value);
    if (!checked.ok) throw await storeInvalid(file, checked);
    return { kind: 'sharded', manifest: checked.value };
  }
  const checked = checkSchema(StoreSchema, migrateFrom(version.version, parsed.value));
  if (!checked.ok) {
    // Version 1 → 2 changes the layout only; earlier versions also change the content.
    const note = version.version < 1 ? ` (after upgrading from store version ${version.version})` : '';
    throw await storeInvalid(file, { ...checked, problem: `${checked.problem}${note}` });
  }
  return { kind: 'legacy', data: checked.value, bytes, fromVersion: version.version };
}

function groupBySpeaker<C extends Claim | ShardClaim>(claims: readonly C[]): Map<string, C[]> {
  const groups = new Map<string, C[]>();
  for (const claim of claims) {
    const id = 'speakerId' in claim ? claim.speakerId : claim.speaker.id;
    let group = groups.get(id);
    if (group === undefined) groups.set(id, (group = []));
    group.push(claim);
  }
  return groups;
}

function shardTexts(claims: readonly ShardClaim[]): Map<string, string> {
  return new Map([...groupBySpeaker(claims)].map(([id, group]) => [id, shardText(id, group)]));
}

function namesOf(speakers: readonly { name: string; mention: string }[]): string[] {
  const names = new Set<string>();
  for (const { name, mention } of speakers) {
    names.add(name);
    names.add(mention);
  }
  return [...names];
}

async function storeInvalid(file: string, failure: CheckFailure): Promise<ClaimsError> {
  const backups = await listBackups(file);
  const latest = backups.at(-1);
  const restore = latest === undefined ? 'restore it from a backup' : `restore it from the backup ${latest}`;
  return invalidFileError(file, failure, [restore, 'move it away to start an empty store']);
}

function tooNew(file: string, version: number): ClaimsError {
  return new ClaimsError(
    `${file} is store version ${version}, but this claims only understands store versions up to ${STORE_VERSION}`,
    {
      code: 'STORE_TOO_NEW',
      hint: 'Upgrade claims (npm install -g claims@latest) to use this store, or point --store at another directory. The file was left untouched.',
    },
  );
}
