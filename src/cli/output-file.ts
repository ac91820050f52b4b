// Writing `--out` files safely: never over an existing file without --force, never
// into the store folder (however the path gets there: .., symlinks), and never
// half-written (temporary file in the same folder, then rename).
import { randomBytes } from 'node:crypto';
import { lstat, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ClaimsError } from '../errors.js';

export interface OutputFileOptions {
  force: boolean;
  /** Folder that must never be written into. */
  storeDir: string;
}

export async function writeOutputFile(file: string, content: string, { force, storeDir }: OutputFileOptions): Promise<string> {
  const target = await resolveTarget(file);
  const store = await realpathOrResolve(storeDir);
  if (target === store || target.startsWith(store + path.sep)) {
    throw new ClaimsError(`'${file}' ${path.resolve(file) === target ? 'is' : `leads to ${target}, which is`} inside the store folder ${store}`, {
      code: 'OUTPUT_UNSAFE',
      hint: 'write the export somewhere else; the store folder holds your claims database and nothing may be written over it',
    });
  }
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new ClaimsError(`'${file}' is a folder`, { code: 'OUTPUT_EXISTS', hint: 'give a file name, e.g. --out claims.csv' });
  }
  if (existing && !force) {
    throw new ClaimsError(`'${file}' already exists`, {
      code: 'OUTPUT_EXISTS',
      hint: 'add --force to replace it, or choose another file name',
    });
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // wx: a file that appears between the check above and now is not overwritten.
    if (!existing) await writeFile(target, content, { flag: 'wx' });
    else {
      await writeFile(temp, content, { flag: 'wx' });
      await rename(temp, target);
    }
  } catch (cause) {
    await rm(temp, { force: true });
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new ClaimsError(`'${file}' already exists`, { code: 'OUTPUT_EXISTS', hint: 'add --force to replace it', cause });
    }
    throw new ClaimsError(`cannot write '${file}': ${(cause as Error).message}`, {
      code: 'OUTPUT_UNSAFE',
      hint: 'check that the folder exists and that you may write to it',
      cause,
    });
  }
  return target;
}

/** The real path a write to `file` would land on: symlinks followed, also for the folder. */
async function resolveTarget(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    // Does not exist yet (or is a dangling symlink): resolve the folder instead.
    const link = await lstat(absolute).catch(() => undefined);
    if (link?.isSymbolicLink()) {
      throw new ClaimsError(`'${file}' is a symbolic link to a file that does not exist`, {
        code: 'OUTPUT_UNSAFE',
        hint: 'give a plain file path',
      });
    }
    const dir = await realpath(path.dirname(absolute)).catch((cause: unknown) => {
      throw new ClaimsError(`the folder of '${file}' does not exist`, {
        code: 'OUTPUT_UNSAFE',
        hint: 'create the folder first, or give another path',
        cause,
      });
    });
    return path.join(dir, path.basename(absolute));
  }
}

async function realpathOrResolve(dir: string): Promise<string> {
  return realpath(dir).catch(() => path.resolve(dir));
}
