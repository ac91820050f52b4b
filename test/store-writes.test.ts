// What one ingestParsed call costs on disk, counted by the renames that finish
// atomic writes (fs.promises.rename for shard files, the callback fs.rename of
// write-file-atomic for store.json): every shard it touches is written once,
// however many articles quote its speaker, and store.json once, last. Also: the
// shard files are written a claim at a time, and must still read exactly as
// JSON.stringify(shard, null, 2) would have made them.
import fsCallbacks from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle, sampleClaim, useTempDir } from './helpers/store.js';
import type { Claim, ParseResult } from '../src/model.js';
import { ingestParsed } from '../src/store/index.js';

const written: string[] = [];
beforeAll(() => {
  const rename = fsCallbacks.rename;
  vi.spyOn(fsCallbacks, 'rename').mockImplementation(((from: string, to: string, callback: (err: Error | null) => void) => {
    written.push(to);
    rename(from, to, callback);
  }) as typeof fsCallbacks.rename);
  const renamePromise = fs.rename;
  vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
    written.push(String(to));
    return renamePromise(from, to);
  });
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

describe('shard files', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const claimArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    content: text,
    quote: fc.option(text),
    sentence: text,
    dateText: fc.option(text),
    topics: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
    speaker: fc.constantFrom({ id: 'nato', name: 'NATO', mention: 'the alliance' }, { id: 'Ünïcode «x»', name: '“Q”\n', mention: 'a\u2028b' }),
  });

  it('read exactly as JSON.stringify({ speakerId, claims }, null, 2) and a newline', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimArb, { minLength: 1, maxLength: 8 }), async (drafts) => {
        const sub = await fs.mkdtemp(path.join(dir, 's-'));
        const claims: Claim[] = drafts.map((d, i) => sampleClaim(`${i}-${d.id}`, { ...d, quote: d.quote, dateText: d.dateText, articleId: 'a1' }));
        await ingestParsed(sub, [{ article: sampleArticle('a1'), claims }]);
        const manifest = JSON.parse(await fs.readFile(path.join(sub, 'store.json'), 'utf8')) as { shards: Record<string, { file: string }> };
        for (const [speakerId, { file }] of Object.entries(manifest.shards)) {
          const bytes = await fs.readFile(path.join(sub, file), 'utf8');
          const stored = JSON.parse(bytes) as { claims: Claim[] };
          expect(bytes).toBe(`${JSON.stringify({ speakerId, claims: stored.claims }, null, 2)}\n`);
          expect(stored.claims).toEqual(claims.filter((c) => c.speaker.id === speakerId).map((c) => JSON.parse(JSON.stringify(c)) as Claim));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a shard bigger than the write buffer (1 MB) comes out whole, and so does a claim bigger than it', async () => {
    const long = 'x\u2019'.repeat(3000);
    const claims = Array.from({ length: 400 }, (_, i) => sampleClaim(`big-${i}`, { content: `${i} ${long}`, sentence: long }));
    claims[200]!.content = 'y\u2019'.repeat(300_000);
    await ingestParsed(dir, [{ article: sampleArticle('a1'), claims }]);
    const bytes = await fs.readFile(path.join(dir, 'claims', 'seoul-nis.g1.json'), 'utf8');
    expect(bytes.length).toBeGreaterThan(2_000_000);
    expect(bytes).toBe(`${JSON.stringify({ speakerId: 'seoul-nis', claims }, null, 2)}\n`);
  });
});

describe('store.json', () => {
  const storeJson = () => path.join(dir, 'store.json');
  const temps = async () => (await fs.readdir(dir)).filter((name) => /^store\.json\.\d+$/.test(name));

  it('replaces the old one only after every shard, keeping its mode', async () => {
    await ingestParsed(dir, results(20, 4));
    await fs.chmod(storeJson(), 0o640);
    written.length = 0;
    await ingestParsed(dir, results(20, 6, 100));
    expect(written.at(-1)).toBe(storeJson());
    expect(shardWrites().length).toBeGreaterThan(0);
    expect((await fs.stat(storeJson())).mode & 0o777).toBe(0o640);
    expect(JSON.parse(await fs.readFile(storeJson(), 'utf8')).articles).toHaveLength(40);
    expect(await temps()).toEqual([]);
  });

  it('a shard write that fails leaves the old store.json, and no new one beside it', async () => {
    await ingestParsed(dir, results(20, 4));
    const before = await fs.readFile(storeJson(), 'utf8');
    const rename = vi.mocked(fs.rename).getMockImplementation()!;
    vi.mocked(fs.rename).mockImplementation(async (from, to) => {
      if (String(to).endsWith('speaker-5.g2.json')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      return rename(from, to);
    });
    try {
      await expect(ingestParsed(dir, results(20, 6, 100))).rejects.toThrow(/speaker-5\.g2\.json.*disk full/);
    } finally {
      vi.mocked(fs.rename).mockImplementation(rename);
    }
    expect(await fs.readFile(storeJson(), 'utf8')).toBe(before);
    expect(await temps()).toEqual([]);
  });
});
