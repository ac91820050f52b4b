// Reading articles (src/input): what each kind of bad input gets.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ClaimsError } from '../src/errors.js';
import { decodeArticle, normaliseNewlines, parseByteSize, readArticle } from '../src/input/index.js';
import { readArticleBytes } from '../src/input/read.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function errorOf(fn: () => unknown): ClaimsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ClaimsError) return err;
    throw err;
  }
  throw new Error('expected a ClaimsError');
}

describe('decodeArticle accepts text and normalises it', () => {
  it.each<[string, Uint8Array, string]>([
    ['plain UTF-8', bytes('Title\nBody'), 'Title\nBody'],
    ['a UTF-8 BOM is dropped', bytes([0xef, 0xbb, 0xbf], 'Title\nBody'), 'Title\nBody'],
    ['CRLF becomes LF', bytes('Title\r\nBody\r\n'), 'Title\nBody\n'],
    ['lone CR becomes LF', bytes('Title\rBody\r'), 'Title\nBody\n'],
    ['mixed endings', bytes('a\r\nb\rc\nd'), 'a\nb\nc\nd'],
    ['non-English text', bytes('Séoul a démenti: « rien »'), 'Séoul a démenti: « rien »'],
    ['emoji (4-byte UTF-8)', bytes('Title 🚢\nok'), 'Title 🚢\nok'],
  ])('%s', (_name, input, expected) => {
    expect(decodeArticle(input, 'a.txt')).toBe(expected);
  });
});

describe('decodeArticle refuses what is not an article', () => {
  it.each<[string, Uint8Array, RegExp]>([
    ['empty', bytes(''), /is empty/],
    ['whitespace only', bytes(' \n\t\r\n  '), /is empty/],
    ['only a BOM', bytes([0xef, 0xbb, 0xbf]), /is empty/],
    ['NUL bytes', bytes('PK', [0x03, 0x04, 0x00, 0x00]), /binary file \(NUL byte at offset 4\)/],
    ['Latin-1', bytes('caf', [0xe9], ' au lait'), /not valid UTF-8 \(first bad byte at offset 3\)/],
    ['truncated multi-byte sequence', bytes('ok ', [0xe2, 0x82]), /not valid UTF-8 \(first bad byte at offset 3\)/],
    ['overlong encoding', bytes('x', [0xc0, 0xaf]), /not valid UTF-8 \(first bad byte at offset 1\)/],
    ['UTF-16 with BOM', bytes([0xff, 0xfe], [0x41, 0x00]), /UTF-16/],
  ])('%s', (_name, input, message) => {
    const err = errorOf(() => decodeArticle(input, 'a.txt'));
    expect(err.code).toBe('INPUT_INVALID');
    expect(err.message).toMatch(message);
    expect(err.message).toContain("'a.txt'");
    expect(err.hint).toBeTruthy();
  });

  it('names standard input as such', () => {
    expect(errorOf(() => decodeArticle(bytes(''), '-')).message).toMatch(/^standard input is empty/);
  });

  it('carries nothing from one article to the next (one decoder serves them all)', () => {
    // A file cut inside a character, then one with a BOM, then the same bytes whole.
    expect(errorOf(() => decodeArticle(bytes('ok ', [0xe2, 0x82]), 'a.txt')).message).toMatch(/not valid UTF-8/);
    expect(decodeArticle(bytes([0xef, 0xbb, 0xbf], 'Title\nBody'), 'b.txt')).toBe('Title\nBody');
    expect(errorOf(() => decodeArticle(bytes([0xe2, 0x82]), 'c.txt')).message).toMatch(/not valid UTF-8 \(first bad byte at offset 0\)/);
    expect(decodeArticle(bytes([0xe2, 0x82, 0xac], ' 5'), 'd.txt')).toBe('€ 5');
  });
});

describe('normaliseNewlines keeps offsets meaningful', () => {
  it('maps every line ending to one LF', () => {
    const text = normaliseNewlines('a\r\n\r\nb\r');
    expect(text).toBe('a\n\nb\n');
    expect(text.indexOf('b')).toBe(3);
  });
});

describe('parseByteSize', () => {
  it.each<[string, number]>([
    ['1048576', 1048576],
    ['20MB', 20 * 1024 * 1024],
    ['512kb', 512 * 1024],
    ['1.5M', 1.5 * 1024 * 1024],
    ['1 GB', 1024 ** 3],
    ['10b', 10],
  ])('%j -> %d', (text, expected) => {
    expect(parseByteSize(text)).toBe(expected);
  });

  it.each(['', 'lots', '-5', '10 parsecs', '0'])('refuses %j', (text) => {
    expect(errorOf(() => parseByteSize(text)).code).toBe('USAGE');
  });
});

describe('readArticle', () => {
  const stdin = (chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

  it('reads a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claims-input-'));
    await writeFile(path.join(dir, 'a.txt'), 'Title\r\nBody');
    await expect(readArticle(path.join(dir, 'a.txt'), { maxBytes: 100, stdin: stdin([]) })).resolves.toEqual({
      origin: path.join(dir, 'a.txt'),
      text: 'Title\nBody',
    });
  });

  // Regular files are read to the size fstat gave, in as many reads as it takes;
  // sizes around the buffer pool's slab and libuv's read limits, and empty.
  it.each([0, 1, 4095, 4096, 8193, 70_000, (1 << 20) + 3])('reads a file of %i bytes byte for byte', async (size) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claims-input-'));
    const content = Buffer.from(Array.from({ length: size }, (_, i) => (i * 7919 + (i >> 8)) % 256));
    await writeFile(path.join(dir, 'a.bin'), content);
    const read = await readArticleBytes(path.join(dir, 'a.bin'), { maxBytes: 2 << 20, stdin: stdin([]) });
    expect(read.length).toBe(size);
    expect(Buffer.compare(Buffer.from(read), content)).toBe(0);
  });

  // A named pipe has no size to read to: it is read to its end, and its limit is checked on what came.
  it.runIf(process.platform !== 'win32')('reads a named pipe to its end, and refuses one over the limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claims-input-'));
    const fifo = path.join(dir, 'pipe');
    const feed = (text: string): void => {
      execFileSync('mkfifo', [fifo]);
      // The read is synchronous and blocks this thread until the pipe is written and
      // closed, so the writer is another process.
      spawn('sh', ['-c', 'printf %s "$1" > "$2"', 'sh', text, fifo], { stdio: 'ignore' });
    };
    feed('Title\nBody of the piped article.');
    await expect(readArticle(fifo, { maxBytes: 100, stdin: stdin([]) })).resolves.toEqual({ origin: fifo, text: 'Title\nBody of the piped article.' });
    execFileSync('rm', [fifo]);
    feed('x'.repeat(101));
    const err = await readArticle(fifo, { maxBytes: 100, stdin: stdin([]) }).catch((e: unknown) => e);
    expect((err as ClaimsError).code).toBe('INPUT_TOO_LARGE');
  });

  it('reads standard input for -', async () => {
    await expect(readArticle('-', { maxBytes: 100, stdin: stdin(['Tit', 'le\nBody']) })).resolves.toEqual({ origin: '-', text: 'Title\nBody' });
  });

  it.each<[string, (dir: string) => Promise<string>, string, RegExp]>([
    ['a missing file', async (dir) => path.join(dir, 'nope.txt'), 'INPUT_NOT_FOUND', /does not exist/],
    ['a folder', async (dir) => dir, 'INPUT_INVALID', /is a folder/],
    [
      'a file over the limit',
      async (dir) => {
        await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(101));
        return path.join(dir, 'big.txt');
      },
      'INPUT_TOO_LARGE',
      /is 101 bytes, above the limit of 100 bytes/,
    ],
  ])('refuses %s', async (_name, make, code, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claims-input-'));
    const err = await readArticle(await make(dir), { maxBytes: 100, stdin: stdin([]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClaimsError);
    expect((err as ClaimsError).code).toBe(code);
    expect((err as ClaimsError).message).toMatch(message);
  });

  it('stops reading standard input once it passes the limit', async () => {
    const err = await readArticle('-', { maxBytes: 10, stdin: stdin(['123456', '789012', 'never read']) }).catch((e: unknown) => e);
    expect((err as ClaimsError).code).toBe('INPUT_TOO_LARGE');
    expect((err as ClaimsError).message).toMatch(/^standard input is more than 12 bytes/);
  });
});
