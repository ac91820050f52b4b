// `claims ingest DIR` parses a big folder on worker threads (src/cli/parse-pool.ts).
// Where an article is parsed must never change what is stored: the same folder
// ingested with and without workers gives the same store, file for file, and the
// same report. CLAIMS_PARSE_WORKERS forces the number of workers (0: none).
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from './helpers/claims.js';
import { POOL_MIN_BYTES } from '../src/cli/parse-pool.js';
import { BIN, BUNDLED_ARTICLE, FIXTURES, claims, cleanEnv, spawnNode } from './helpers/spawn.js';
import { portStory } from './helpers/port-story.js';

interface Manifest {
  generation: number;
  articles: { id: string; ingestedAt?: string }[];
  shards: Record<string, { file: string; claims: number; names: string[] }>;
}

interface Report {
  files: { file: string; articleId: string; claims: number; added: number; existing: number }[];
  failed: { file: string; error: string }[];
  added: number;
  existing: number;
}

/** Each n its own article, with one of a few speakers (so a few shards, each with many claims). */
function story(n: number): string {
  const who = ['Captain Lena Moss', 'Mayor Ana Varga', 'Dr. Omar Haddad', 'Senator Ines Holm', 'the harbour authority'][n % 5];
  return portStory(n, `${who} ${n % 7}`, { accordingTo: who });
}

let folder: string;
let broken: string;

beforeAll(async () => {
  const root = await tempStore();
  folder = path.join(root, 'articles');
  // Nested folders, real articles, saved web pages (extracted in the worker), an
  // NDJSON file of records, the same text twice under two names (which one is
  // stored first decides the article's origin), and a file that is not an article.
  for (const sub of ['corpus', 'html', 'generated/a', 'generated/b']) await mkdir(path.join(folder, sub), { recursive: true });
  const corpus = path.join(FIXTURES, 'corpus');
  for (const name of (await readdir(corpus)).filter((f) => f.endsWith('.txt'))) await copyFile(path.join(corpus, name), path.join(folder, 'corpus', name));
  for (const name of await readdir(path.join(FIXTURES, 'html'))) await copyFile(path.join(FIXTURES, 'html', name), path.join(folder, 'html', name));
  await copyFile(BUNDLED_ARTICLE, path.join(folder, 'dprk.txt'));
  await copyFile(BUNDLED_ARTICLE, path.join(folder, 'generated', 'dprk-again.txt'));
  for (let n = 0; n < 60; n++) await writeFile(path.join(folder, 'generated', n % 2 ? 'a' : 'b', `story-${String(n).padStart(2, '0')}.txt`), story(n));
  const records = [0, 1, 2].map((n) => JSON.stringify({ text: story(100 + n), url: `https://news.example/port-${n}` }));
  await writeFile(path.join(folder, 'generated', 'feed.ndjson'), `${records.join('\n')}\n{"text": 5}\n`);
  broken = path.join(folder, 'generated', 'a', 'story-33.txt');
  await writeFile(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]));
}, 60_000);

/** How many parse workers `claims ingest ARGS` started: each loads dist/parse-worker.js. */
async function workersStarted(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const store = await tempStore();
  const trace = path.join(store, 'trace.txt');
  const { code, stderr } = await spawnNode(['--import', './test/helpers/trace-imports.mjs', BIN, '--store', store, 'ingest', ...args], {
    env: cleanEnv({ CLAIMS_TRACE_FILE: trace, ...env }),
    timeoutMs: 120_000,
  });
  expect(stderr).not.toMatch(/unexpected|stopped/);
  expect(code === 0 || code === 1).toBe(true);
  return (await readFile(trace, 'utf8')).split('\n').filter((url) => url.endsWith('/dist/parse-worker.js')).length;
}

/** Ingests the folder into a new store with `workers` parse workers; the report and the store as files. */
async function ingestWith(workers: number): Promise<{ code: number | null; report: Report; stderr: string; manifest: Manifest; shards: Map<string, string> }> {
  const store = await tempStore();
  const { code, stdout, stderr } = await claims(['--store', store, 'ingest', folder, '--json'], {
    env: cleanEnv({ CLAIMS_PARSE_WORKERS: String(workers) }),
    timeoutMs: 120_000,
  });
  const manifest = JSON.parse(await readFile(path.join(store, 'store.json'), 'utf8')) as Manifest;
  const shards = new Map<string, string>();
  for (const { file } of Object.values(manifest.shards)) shards.set(file, await readFile(path.join(store, file), 'utf8'));
  const { store: _, ...report } = JSON.parse(stdout) as Report & { store: string };
  return { code, report, stderr, manifest, shards };
}

const withoutStamps = (m: Manifest) => ({ ...m, articles: m.articles.map(({ ingestedAt: _, ...a }) => a) });

describe('ingest of a folder on worker threads', () => {
  it('stores exactly what parsing on the main thread stores, in the same order, with the same report', async () => {
    const [alone, two, three] = [await ingestWith(0), await ingestWith(2), await ingestWith(3)];
    expect(alone.code).toBe(1);
    expect(alone.report.files.length).toBeGreaterThan(70);
    expect(alone.report.added).toBeGreaterThan(200);
    // The duplicate text is stored once; its second file finds every claim there.
    expect(alone.report.files.find((f) => f.file.endsWith('dprk-again.txt'))).toMatchObject({ added: 0 });
    for (const pooled of [two, three]) {
      expect(pooled.code).toBe(1);
      expect(pooled.report).toEqual(alone.report);
      expect(pooled.stderr).toBe(alone.stderr);
      expect(withoutStamps(pooled.manifest)).toEqual(withoutStamps(alone.manifest));
      expect(pooled.shards).toEqual(alone.shards);
    }
  }, 240_000);

  it('names the broken file and the bad record, stores the rest, exits 1 (with workers)', async () => {
    const { code, report, stderr, manifest } = await ingestWith(2);
    expect(code).toBe(1);
    expect(report.failed.map((f) => f.file)).toEqual([broken, `${path.join(folder, 'generated', 'feed.ndjson')}:4`]);
    expect(stderr).toContain(`error: '${broken}' looks like a binary file`);
    expect(stderr).toMatch(/feed\.ndjson' line 4 is not an article record/);
    expect(stderr).toMatch(/error: 2 of \d+ articles could not be ingested: .*story-33\.txt', .*feed\.ndjson:4'\nhint: the others were stored/);
    // Every article that parsed is stored, in one write: each shard was written once.
    expect(manifest.articles).toHaveLength(new Set(report.files.map((f) => f.articleId)).size);
    expect(manifest.generation).toBe(1);
    expect(Object.values(manifest.shards).every((s) => s.file.endsWith('.g1.json'))).toBe(true);
  }, 120_000);

  it('the workers are really there: as many as CLAIMS_PARSE_WORKERS says, none for 0', async () => {
    expect(await workersStarted([folder], { CLAIMS_PARSE_WORKERS: '2' })).toBe(2);
    expect(await workersStarted([folder], { CLAIMS_PARSE_WORKERS: '0' })).toBe(0);
  }, 120_000);

  it('left to choose: no workers for one article or a small folder, one per core for a folder above POOL_MIN_BYTES', async () => {
    expect(await workersStarted([BUNDLED_ARTICLE])).toBe(0);
    expect(await workersStarted([folder])).toBe(0);
    const big = path.join(await tempStore(), 'big');
    await mkdir(big);
    // Past the threshold without parsing megabytes: one story, and a big file of
    // NUL bytes (read whole, then refused as binary at once).
    await writeFile(path.join(big, 'story.txt'), story(1));
    await writeFile(path.join(big, 'zeros.txt'), Buffer.alloc(POOL_MIN_BYTES));
    // (On a single core there is nothing to gain: no workers.)
    if (availableParallelism() >= 2) expect(await workersStarted([big])).toBeGreaterThanOrEqual(2);
    else expect(await workersStarted([big])).toBe(0);
  }, 120_000);

  it('a worker that dies fails the files it held, not the ingest: the rest are stored, exit 1', async () => {
    const store = await tempStore();
    const dir = path.join(store, 'articles');
    await mkdir(dir);
    for (let n = 0; n < 40; n++) await writeFile(path.join(dir, `story-${String(n).padStart(2, '0')}.txt`), story(n));
    await writeFile(path.join(dir, 'story-20-crash-me.txt'), story(99));
    const { code, stdout, stderr } = await spawnNode(['--import', './test/helpers/crash-worker.mjs', BIN, '--store', store, 'ingest', dir, '--json'], {
      env: cleanEnv({ CLAIMS_PARSE_WORKERS: '2' }),
      timeoutMs: 120_000,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/the parser thread working on '.*story-20-crash-me\.txt' stopped \(exit code 3\)/);
    const report = JSON.parse(stdout) as Report;
    // Which other files went down with it depends on what that thread held; the rest went on.
    expect(report.failed.map((f) => f.file)).toContain(path.join(dir, 'story-20-crash-me.txt'));
    expect(report.files.length + report.failed.length).toBe(41);
    expect(report.files.length).toBeGreaterThan(0);
    const listed = await claims(['--store', store, 'articles', '--format', 'json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(report.files.length);
  }, 120_000);

  it('refuses a CLAIMS_PARSE_WORKERS that is not a number', async () => {
    const store = await tempStore();
    const { code, stderr } = await claims(['--store', store, 'ingest', folder], { env: cleanEnv({ CLAIMS_PARSE_WORKERS: 'many' }) });
    expect(code).toBe(2);
    expect(stderr).toContain("error: CLAIMS_PARSE_WORKERS must be a whole number of worker threads (0 to 99), not 'many'");
  });
});
