// Inter-process locking for read-modify-write. proper-lockfile creates
// `<file>.lock` with mkdir (atomic on every file system we care about), keeps its
// mtime fresh while held, and treats a lock whose mtime is older than STALE_MS as
// left over from a crashed process and takes it over. It is imported when a lock
// is taken, not with this module: only writes lock, and the commands that only
// read start faster without it (and graceful-fs, retry, signal-exit under it).
import { ClaimsError } from '../errors.js';
import { errorCode, ioError } from './file-io.js';

export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** A holder refreshes the mtime every STALE_MS / 2, so only a dead one goes stale. */
export const STALE_MS = 10_000;

export interface HeldLock {
  /** Throws STORE_LOCKED if the lock was lost (e.g. taken over after a long stall). */
  assertHeld(): void;
}

export function lockPath(file: string): string {
  return `${file}.lock`;
}

/**
 * Runs `fn` while holding the lock on `file`, waiting up to `timeoutMs` for it.
 * The file itself need not exist, but its folder must.
 */
export async function withLock<T>(file: string, timeoutMs: number, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
  let lost: Error | undefined;
  let release: () => Promise<void>;
  const { default: lockfile } = await import('proper-lockfile');
  try {
    release = await lockfile.lock(file, {
      // No realpath: the file may not exist yet, and the folder is what we lock in.
      realpath: false,
      stale: STALE_MS,
      retries: retryPlan(timeoutMs),
      // The default throws from a timer and kills the process; instead refuse the
      // write that was about to happen and let the caller report it.
      onCompromised: (err) => {
        lost = err;
      },
    });
  } catch (err) {
    if (errorCode(err) === 'ELOCKED') throw lockedError(file, timeoutMs);
    throw ioError('lock', file, err);
  }

  const held: HeldLock = {
    assertHeld() {
      if (lost === undefined) return;
      throw new ClaimsError(`lost the lock on ${file} before writing it (${lost.message}); nothing was written`, {
        code: 'STORE_LOCKED',
        hint: 'Another claims process took the lock over, probably because this one stalled. Run the command again.',
        cause: lost,
      });
    },
  };

  try {
    return await fn(held);
  } finally {
    // Releasing a lost lock fails, and there is nothing left to release then.
    await release().catch(() => {});
  }
}

// Short, growing waits: an update of a small store takes milliseconds, so a
// waiter should notice quickly, but many waiters should not hammer the folder.
// maxRetryTime is what bounds the total; the count only has to be big enough.
function retryPlan(timeoutMs: number) {
  if (timeoutMs <= 0) return 0;
  const minTimeout = 10;
  return {
    retries: Math.ceil(timeoutMs / minTimeout) + 1,
    minTimeout,
    maxTimeout: Math.min(100, Math.max(minTimeout, timeoutMs / 4)),
    factor: 1.5,
    randomize: true,
    maxRetryTime: timeoutMs,
  };
}

function lockedError(file: string, timeoutMs: number): ClaimsError {
  const waited = timeoutMs >= 1000 ? `${(timeoutMs / 1000).toFixed(timeoutMs % 1000 === 0 ? 0 : 1)} s` : `${timeoutMs} ms`;
  return new ClaimsError(`${file} is locked by another claims process (waited ${waited})`, {
    code: 'STORE_LOCKED',
    hint:
      `Wait for the other claims command to finish, then retry. If none is running, the lock ` +
      `(${lockPath(file)}) is left from a crash and is cleared automatically once it is ${STALE_MS / 1000} s old.`,
  });
}
