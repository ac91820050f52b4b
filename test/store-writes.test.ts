// What one ingestParsed call costs on disk, counted by the renames that finish
// atomic writes: every shard it touches is written once, however many articles
// quote its speaker, and store.json once, last. (Mocking write-file-atomic does
// not work since the store imports it on first use: vitest hands the mock to
// one of the concurrent dynamic imports only.)
import fsCallbacks from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle, sampleClaim, useTempDir } from './helpers/store.js';
import type { ParseResult } from '../src/model.js';
import { ingestParsed } from '../src/store/index.js';

// Every atomic write (write-file-atomic) ends in one rename of its temp file onto
// the target: the targets renamed onto are the files written.
const written: string[] = [];
beforeAll(() => {
  const rename = fsCallbacks.rename;
  vi.spyOn(fsCallbacks, 'rename').mockImplementation(((from: string, to: string, callback: (err: Error | null) => void) => {
    written.push(to);
    rename(from, to, callback);
  }) as typeof fsCallbacks.rename);
});
afterAll(() => {
  vi.restoreAllMocks();
});

const tempDir = useTempDir('claims-writes-');
let dir: string;
beforeEach(() => {
  dir = tempDir();
  written.length = 0;
});

const speaker = (n: number) => ({ id: `speaker-${n}`, name: `Speaker ${n}`, mention: `speaker ${n}` });

/** `articles` articles of 5 claims each, spread over `speakers` speakers. */
function results(articles: number, speakers: number, from = 0): ParseResult[] {
  return Array.from({ length: articles }, (_, a) => {
    const id = `a${from + a}`;
    return {
      article: sampleArticle(id),
      claims: Array.from({ length: 5 }, (_, k) => sampleClaim(`${id}-c${k}`, { articleId: id, speaker: speaker((a * 5 + k) % speakers) })),
    };
  });
}

const shardWrites = () => written.filter((f) => f.includes(`${path.sep}claims${path.sep}`)).map((f) => path.basename(f));

describe('writes per ingestParsed call', () => {
  it('a new store: each of 40 shards written once for 300 articles, then store.json', async () => {
    await ingestParsed(dir, results(300, 40));
    expect(shardWrites()).toHaveLength(40);
    expect(new Set(shardWrites()).size).toBe(40);
    expect(written).toHaveLength(41);
    expect(written.at(-1)).toBe(path.join(dir, 'store.json'));
    expect((await fs.readdir(path.join(dir, 'claims'))).sort()).toEqual(shardWrites().sort());
  });

  it('a stored folder: only the shards of the speakers quoted, once each', async () => {
    await ingestParsed(dir, results(300, 40));
    written.length = 0;
    // 60 more articles quoting 3 of the 40 speakers.
    await ingestParsed(dir, results(60, 3, 1000));
    expect(shardWrites().sort()).toEqual(['speaker-0.g2.json', 'speaker-1.g2.json', 'speaker-2.g2.json']);
    expect(written).toHaveLength(4);
  });
});
