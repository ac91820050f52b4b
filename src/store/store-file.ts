// Reading and updating <dir>/store.json. The one rule that matters most: a file we
// cannot fully understand (bad JSON, failed validation, newer version) is never
// written over — we throw before the lock-protected write is reached.
import fs from 'node:fs/promises';
import { ClaimsError } from '../errors.js';
import { STORE_VERSION, StoreSchema, type StoreData } from '../model.js';
import { ioError, listBackups, readIfExists, removeOrphanedTemps, writeAtomically, writeBackup } from './file-io.js';
import { storeFile } from './location.js';
import { DEFAULT_LOCK_TIMEOUT_MS, withLock } from './lock.js';
import { detectVersion, migrateFrom } from './migrate.js';
import { checkSchema, invalidFileError, parseJson, type CheckFailure } from './validate.js';

export interface UpdateOptions {
  /** How long to wait for another process's lock; default 10 s. 0 means do not wait. */
  lockTimeoutMs?: number;
}

interface LoadedStore {
  data: StoreData;
  /** The file as read, kept so an upgrade can back up the exact original. */
  bytes: Buffer | undefined;
  fromVersion: number;
}

/** The store, upgraded in memory if it is older; a missing store reads as empty. Writes nothing. */
export async function readStore(dir: string): Promise<StoreData> {
  return (await loadStore(storeFile(dir))).data;
}

/**
 * Read-modify-write under the store lock. `fn` mutates `data` in place; the file is
 * replaced atomically only if the data changed or the file needed upgrading, and an
 * upgrade first saves the original as `store.json.v<old>.bak`.
 */
export async function updateStore<T>(
  dir: string,
  fn: (data: StoreData) => T | Promise<T>,
  opts: UpdateOptions = {},
): Promise<{ data: StoreData; result: T }> {
  const file = storeFile(dir);
  // The lock lives inside the store folder, so the folder has to exist first.
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw ioError('create', dir, err);
  }
  return withLock(file, opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async (lock) => {
    const loaded = await loadStore(file);
    const before = serialize(loaded.data);
    const result = await fn(loaded.data);
    const after = serialize(loaded.data);
    const upgraded = loaded.bytes !== undefined && loaded.fromVersion < STORE_VERSION;
    if (after === before && !upgraded) return { data: loaded.data, result };

    const checked = checkSchema(StoreSchema, loaded.data);
    if (!checked.ok) {
      // fn is our own code, so this is a bug, not something the user can fix.
      throw new Error(`refusing to write an invalid store to ${file}: ${checked.where ?? ''} ${checked.problem}`);
    }
    lock.assertHeld();
    await removeOrphanedTemps(file);
    if (upgraded && loaded.bytes !== undefined) await writeBackup(file, `v${loaded.fromVersion}`, loaded.bytes);
    lock.assertHeld();
    await writeAtomically(file, after);
    return { data: loaded.data, result };
  });
}

export function emptyStore(): StoreData {
  return { version: STORE_VERSION, articles: [], claims: [] };
}

// Indented so a person can find and fix the field a STORE_INVALID error names.
function serialize(data: StoreData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

// One JSON.parse and one schema pass however big the store is.
async function loadStore(file: string): Promise<LoadedStore> {
  const bytes = await readIfExists(file);
  if (bytes === undefined) return { data: emptyStore(), bytes, fromVersion: STORE_VERSION };

  const parsed = parseJson(bytes.toString('utf8'));
  if (!parsed.ok) throw await storeInvalid(file, parsed);

  const version = detectVersion(parsed.value);
  if (version.kind === 'too-new') throw tooNew(file, version.version);
  if (version.kind === 'invalid') throw await storeInvalid(file, { ok: false, syntax: false, ...version });

  const checked = checkSchema(StoreSchema, migrateFrom(version.version, parsed.value));
  if (!checked.ok) {
    const note = version.version < STORE_VERSION ? ` (after upgrading from store version ${version.version})` : '';
    throw await storeInvalid(file, { ...checked, problem: `${checked.problem}${note}` });
  }
  return { data: checked.value, bytes, fromVersion: version.version };
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
