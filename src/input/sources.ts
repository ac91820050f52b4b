// What the arguments of `claims ingest` name: files, folders (every article file
// below them), URLs and "-" for standard input.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ClaimsError } from '../errors.js';
import { isUrl } from './fetch.js';
import { FOLDER_EXTENSIONS, formatOfPath } from './format.js';
import { fileError } from './read.js';

export interface ExpandedSources {
  /** Files, URLs and "-", in the order given; a folder's files sorted by path. */
  sources: string[];
  /** Folders that could not be read or held no article file. */
  problems: { origin: string; error: ClaimsError }[];
  /** Files in the folders that were left out because claims does not read their kind. */
  skipped: number;
}

/** Replaces each folder by the article files below it (hidden files and folders left out). */
export async function expandSources(args: readonly string[]): Promise<ExpandedSources> {
  const out: ExpandedSources = { sources: [], problems: [], skipped: 0 };
  for (const arg of args) {
    if (arg === '-' || isUrl(arg)) {
      out.sources.push(arg);
      continue;
    }
    let isFolder = false;
    try {
      isFolder = (await stat(arg)).isDirectory();
    } catch {
      // Missing or unreadable: reading the file will say so, in its turn.
    }
    if (!isFolder) {
      out.sources.push(arg);
      continue;
    }
    const before = out.sources.length;
    await walk(arg, out);
    if (out.sources.length === before && !out.problems.some((p) => p.origin.startsWith(arg))) {
      out.problems.push({
        origin: arg,
        error: new ClaimsError(`the folder '${arg}' holds no article files (${FOLDER_EXTENSIONS.join(', ')})`, {
          code: 'INPUT_NOT_FOUND',
          hint: 'check the folder; other kinds of file are left out (give such a file by name to read it as text)',
        }),
      });
    }
  }
  return out;
}

async function walk(dir: string, out: ExpandedSources): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    out.problems.push({ origin: dir, error: fileError(dir, cause) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // path.join(dir, name) for every entry, without normalising the folder's path
  // thousands of times (a name holds no separator and is never . or ..).
  const base = path.join(dir);
  const prefix = base === '.' ? '' : base.endsWith(path.sep) ? base : `${base}${path.sep}`;
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = `${prefix}${entry.name}`;
    // Symbolic links to files are followed; to folders they are not (no loops).
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => false)));
    if (entry.isDirectory()) await walk(full, out);
    else if (isFile && formatOfPath(full) !== undefined) out.sources.push(full);
    else if (isFile) out.skipped++;
  }
}
