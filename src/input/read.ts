// Reads an article from a file or from standard input ("-"), refusing anything
// larger than the size limit before reading it whole.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { ClaimsError } from '../errors.js';
import { decodeArticle, describeOrigin } from './decode.js';

/** Default for `--max-bytes`: 20 MiB, far above any news article. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  maxBytes: number;
  /** Where "-" reads from. */
  stdin: AsyncIterable<Uint8Array | string>;
}

export interface ArticleInput {
  /** The path as given, or "-" for standard input. */
  origin: string;
  /** Decoded, BOM-free text with LF line endings. */
  text: string;
}

export async function readArticle(source: string, options: ReadOptions): Promise<ArticleInput> {
  return { origin: source, text: decodeArticle(await readArticleBytes(source, options), source) };
}

/** The bytes of a file or of standard input ("-"), refused above the size limit. */
export async function readArticleBytes(source: string, options: ReadOptions): Promise<Uint8Array> {
  return source === '-' ? readStdin(options) : readArticleFile(source, options);
}

// Synchronous on purpose: an article is read whole before anything else happens
// with it, so async reads overlap nothing, and each of their steps (stat, open,
// fstat, read, close) is a round trip through libuv's thread pool that costs
// several times the system call. A folder of thousands of articles read by the
// parse workers (src/cli/parse-pool.ts) spent more time there than reading.
// Opened first and stat-ed through the descriptor: one path lookup, not two.
async function readArticleFile(path: string, { maxBytes }: ReadOptions): Promise<Uint8Array> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) {
      throw new ClaimsError(`'${path}' is a folder, not an article file`, {
        code: 'INPUT_INVALID',
        hint: `\`claims ingest ${path}\` takes every article file below it`,
      });
    }
    if (info.isFile() && info.size > maxBytes) {
      throw tooLarge(path, maxBytes, info.size);
    }
    if (info.isFile()) return readSize(fd, info.size);
    const bytes = readFileSync(fd);
    // A FIFO or a device has no size until read: check what was actually read.
    if (bytes.length > maxBytes) throw tooLarge(path, maxBytes, bytes.length);
    return bytes;
  } catch (cause) {
    throw fileError(path, cause);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The `size` bytes of a regular file, as readFileSync(fd) reads them (it too stops
 * at the size it found), without its second fstat: one system call in five per
 * article, which for a folder of thousands of short ones is a measurable share
 * of reading them. A file that shrank since it was stat-ed gives what it has.
 */
function readSize(fd: number, size: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, bytes, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return length === size ? bytes : bytes.subarray(0, length);
}

/** The error for a file that is missing, unreadable or a folder, from what fs threw. */
export function fileError(path: string, cause: unknown): ClaimsError {
  if (cause instanceof ClaimsError) return cause;
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new ClaimsError(`article file '${path}' does not exist`, {
      code: 'INPUT_NOT_FOUND',
      hint: 'check the path (it is relative to the current folder), or give - to read the article from standard input',
      cause,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new ClaimsError(`cannot read '${path}': permission denied`, { code: 'INPUT_INVALID', hint: 'check the file permissions', cause });
  }
  if (code === 'EISDIR') {
    return new ClaimsError(`'${path}' is a folder, not an article file`, {
      code: 'INPUT_INVALID',
      hint: `\`claims ingest ${path}\` takes every article file below it`,
      cause,
    });
  }
  return new ClaimsError(`cannot read '${path}': ${(cause as Error).message}`, { code: 'INPUT_INVALID', cause });
}

async function readStdin({ stdin, maxBytes }: ReadOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) throw tooLarge('-', maxBytes, size, true);
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(origin: string, maxBytes: number, size: number, atLeast = false): ClaimsError {
  return new ClaimsError(
    `${describeOrigin(origin)} is ${atLeast ? 'more than ' : ''}${formatBytes(size)}, above the limit of ${formatBytes(maxBytes)}`,
    {
      code: 'INPUT_TOO_LARGE',
      hint: 'raise the limit with --max-bytes (e.g. --max-bytes 100MB) if this really is one article',
    },
  );
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses a size such as `20MB`, `500k` or `1048576` (units are powers of 1024). */
export function parseByteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw new ClaimsError(`'${value}' is not a size`, {
      code: 'USAGE',
      hint: 'give a number of bytes, optionally with a unit: 500000, 512KB, 20MB, 1GB',
    });
  }
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) {
    throw new ClaimsError(`the size limit must be at least 1 byte (got '${value}')`, { code: 'USAGE' });
  }
  return bytes;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
