// Every byte the store layer reads or writes goes through here, so the rules live
// in one place: a missing file is not an error, other I/O failures become
// STORE_IO with the path in the message, and writes replace a file atomically.
import { randomInt } from 'node:crypto';
import { closeSync, fsync as fsyncCallback, close as closeCallback, openSync, writeSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
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
 * point leaves either the old file or the new one, never a mix.
 */
export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const dir = path.dirname(file);
  // Imported on first use, as proper-lockfile is (see lock.ts): only writes need it.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    await fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(file, data, { fsync: true });
  } catch (err) {
    throw ioError('write', file, err);
  }
  await fsyncDir(dir);
}

async function makeFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw ioError('create', dir, err);
  }
}

/** Where a file written by writeNewFiles puts its text, piece by piece: strings, or bytes already encoded as UTF-8. */
export interface TextSink {
  write(text: string | Uint8Array): void;
}

export interface NewFile {
  /** The file's name in the folder. */
  name: string;
  /** Writes the file's text, in as many pieces as suits the caller. */
  fill(out: TextSink): void;
}

/**
 * Writes new files into one folder, each as writeAtomically would (a temp file
 * beside it named `<name>.<digits>`, fsync, rename) and the folder fsynced once,
 * after the last rename. Made for the many shard files of one store write:
 * - each file's text is made in pieces (fill) and encoded through one reused
 *   buffer, with synchronous writes (to the page cache, quick), so no file's
 *   whole text is ever one string or one buffer: building and encoding 50 MB
 *   of new strings costs more in page faults than in work;
 * - the fsyncs, which wait for the disk, run `inFlight` at a time in the thread
 *   pool while the next files are written, sharing the journal's commits.
 * `beforeEach` runs before each file (the store checks its lock there). The first
 * failure is thrown, as STORE_IO naming the file, once every write has settled.
 */
export async function writeNewFiles(
  folder: string,
  files: Iterable<NewFile>,
  { inFlight = 32, beforeEach }: { inFlight?: number; beforeEach?: () => void } = {},
): Promise<void> {
  await makeFolder(folder);
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const file of files) {
    const target = path.join(folder, file.name);
    let temp: string | undefined;
    let fd: number | undefined;
    try {
      beforeEach?.();
      ({ temp, fd } = openTemp(target));
      fillFile(fd, file);
    } catch (err) {
      if (fd !== undefined) closeQuietly(fd);
      if (temp !== undefined) await fs.rm(temp, { force: true }).catch(() => {});
      failure = { error: err instanceof ClaimsError ? err : ioError('write', target, err) };
      break;
    }
    const done: Promise<void> = finishFile(fd, temp, target)
      .catch((err: unknown) => {
        failure ??= { error: ioError('write', target, err) };
      })
      .finally(() => pending.delete(done));
    pending.add(done);
    if (pending.size >= inFlight) await Promise.race(pending);
    if (failure !== undefined) break;
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure.error;
  await fsyncDir(folder);
}

const fsync = promisify(fsyncCallback);
const close = promisify(closeCallback);
const encoder = new TextEncoder();
/** The buffer every writeNewFiles text is encoded into; writes are synchronous, so one is enough. */
let scratch: Uint8Array | undefined;

/** A new temp file beside `target`, `<target>.<digits>` as write-file-atomic names them. */
function openTemp(target: string): { temp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const temp = `${target}.${randomInt(2 ** 31)}`;
    try {
      return { temp, fd: openSync(temp, 'wx') };
    } catch (err) {
      if (errorCode(err) !== 'EEXIST' || attempt >= 5) throw err;
    }
  }
}

function fillFile(fd: number, file: NewFile): void {
  const sink = new FileSink(fd, (scratch ??= new Uint8Array(1 << 20)));
  file.fill(sink);
  sink.flush();
}

/**
 * Where fillFile's pieces go: the reused buffer, written out whenever it is full.
 * A class, not an object literal made per file, so that every file's writes call
 * the same function: with a new closure per file, V8 threw away the optimised
 * code of writeShard's loop at the next file ("wrong call target"), which then
 * ran unoptimised until compiled again.
 */
class FileSink implements TextSink {
  private used = 0;

  constructor(
    private readonly fd: number,
    private readonly buffer: Uint8Array,
  ) {}

  write(text: string | Uint8Array): void {
    const { buffer } = this;
    if (typeof text !== 'string') {
      if (text.length > buffer.length - this.used) this.flush();
      if (text.length > buffer.length) for (let done = 0; done < text.length; ) done += writeSync(this.fd, text, done, text.length - done);
      else {
        buffer.set(text, this.used);
        this.used += text.length;
      }
      return;
    }
    for (;;) {
      const { read, written } = encoder.encodeInto(text, buffer.subarray(this.used));
      this.used += written;
      if (read === text.length) return;
      // The buffer is full (encodeInto never splits a character): write it out, go on.
      this.flush();
      text = text.slice(read);
    }
  }

  flush(): void {
    for (let done = 0; done < this.used; ) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }
}

async function finishFile(fd: number, temp: string, target: string): Promise<void> {
  try {
    try {
      await fsync(fd);
    } finally {
      await close(fd);
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already failed; the first error is the one to report
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
async function fsyncDir(dir: string): Promise<void> {
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
