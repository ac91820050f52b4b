// Every byte the store layer reads or writes goes through here, so the rules live
// in one place: a missing file is not an error, other I/O failures become
// STORE_IO with the path in the message, and writes replace a file atomically.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ClaimsError } from '../errors.js';

/** The file's bytes, or undefined when it (or its folder) does not exist. */
export async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw ioError('read', file, err);
  }
}

/**
 * Temp file in the same folder, fsync, rename over the target (write-file-atomic),
 * then fsync the folder so the rename itself survives a power cut. A crash at any
 * point leaves either the old file or the new one, never a mix. A caller writing
 * many files into one folder passes `syncFolder: false` and calls syncFolder()
 * once after the last: the renames are durable from then on, not one by one.
 */
export async function writeAtomically(file: string, data: string | Buffer, { syncFolder: sync = true }: { syncFolder?: boolean } = {}): Promise<void> {
  const dir = path.dirname(file);
  // Imported on first use, as proper-lockfile is (see lock.ts): only writes need it.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    if (sync) await fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(file, data, { fsync: true });
  } catch (err) {
    throw ioError('write', file, err);
  }
  if (sync) await syncFolder(dir);
}

/** Creates the folder if need be (for writeAtomically without syncFolder). */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw ioError('create', dir, err);
  }
}

/**
 * Saves `bytes` as `<file>.<label>.bak`, or `<file>.<label>.2.bak` and so on if an
 * older backup is there: an earlier backup may be the only copy of older data.
 * Call while holding the file's lock, which is what makes the existence check safe.
 */
export async function writeBackup(file: string, label: string, bytes: Buffer): Promise<string> {
  for (let n = 1; ; n++) {
    const backup = n === 1 ? `${file}.${label}.bak` : `${file}.${label}.${n}.bak`;
    if (await exists(backup)) continue;
    await writeAtomically(backup, bytes);
    return backup;
  }
}

/** Backups next to `file`, newest name last, for hints that say what to restore. */
export async function listBackups(file: string): Promise<string[]> {
  const base = path.basename(file);
  try {
    const names = await fs.readdir(path.dirname(file));
    return names
      .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.bak'))
      .sort()
      .map((name) => path.join(path.dirname(file), name));
  } catch {
    return [];
  }
}

/**
 * write-file-atomic names its temp files `<file>.<uint32>` and removes them on a
 * normal exit, but a SIGKILL or power cut leaves them behind. Call only while
 * holding the file's lock: then no live writer can own one of them.
 */
export async function removeOrphanedTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(file))}\\.\\d+$`);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((name) => pattern.test(name)).map((name) => fs.rm(path.join(dir, name), { force: true }).catch(() => {})),
  );
}

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

export function ioError(action: string, file: string, err: unknown): ClaimsError {
  const code = errorCode(err);
  const reason = err instanceof Error ? err.message : String(err);
  const hint =
    code === 'ENOTDIR' || code === 'EEXIST'
      ? `--store and CLAIMS_STORE name a directory, which holds store.json; something on the way to ${file} is a file, not a directory.`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Check the permissions of ${path.dirname(file)}, or point --store at a folder you can write.`
        : code === 'ENOSPC'
          ? 'Free some disk space and retry; the previous file is untouched.'
          : undefined;
  return new ClaimsError(`could not ${action} ${file}: ${reason}`, {
    code: 'STORE_IO',
    cause: err,
    ...(hint === undefined ? {} : { hint }),
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw ioError('check', file, err);
  }
}

// Best effort: some platforms (Windows) and file systems refuse to open or fsync
// a directory, and the data itself is already safely on disk by then.
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // nothing to do
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
