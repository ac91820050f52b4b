// `ingest` of folders and record streams, `parse` as a streaming filter, and the
// `articles` and `remove` commands, in-process with a stand-in parser.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { shortSource } from '../src/cli/commands/articles.js';
import { FLUSH_LIMITS } from '../src/cli/commands/ingest.js';
import { main } from '../src/cli/main.js';
import { STORE_VERSION, type StoreData } from '../src/model.js';
import { tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';
import { fakeParseArticle } from './helpers/fake-parser.js';
import { storeOnDisk } from './helpers/store.js';

vi.mock('../src/parse/index.js', () => ({ parseArticle: fakeParseArticle }));

// Counts store writes, to check that many articles are stored in one write (per chunk).
const writes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/store/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/store/index.js')>();
  return {
    ...real,
    ingestPrepared: ((...args: Parameters<typeof real.ingestPrepared>) => {
      writes.count++;
      return real.ingestPrepared(...args);
    }) as typeof real.ingestPrepared,
  };
});

const story = (n: number) => `Story ${n}\nThe mayor said bridge ${n} is safe.\nThe council denied bridge ${n} was closed.\n`;
const record = (n: number, extra: Record<string, unknown> = {}) => JSON.stringify({ text: story(n), ...extra });
// The manifest's articles and every shard's claims, read with plain JSON.parse.
const readStoreFile = async (dir: string): Promise<StoreData> => ({ ...(await storeOnDisk(dir)), version: STORE_VERSION });

async function folderOf(count: number, broken: number[] = []): Promise<string> {
  const dir = await tempStore();
  const articles = path.join(dir, 'articles');
  await mkdir(path.join(articles, 'more'), { recursive: true });
  for (let n = 1; n <= count; n++) {
    const file = path.join(articles, n % 2 ? '' : 'more', `story-${String(n).padStart(3, '0')}.txt`);
    await writeFile(file, broken.includes(n) ? Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]) : story(n));
  }
  return articles;
}

describe('ingest a folder', () => {
  it('stores every article below it; not a terminal: no bar, one summary line', async () => {
    const store = await tempStore();
    const folder = await folderOf(6);
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', folder]);
    expect(code).toBe(0);
    expect(stdout.match(/: 2 claims \(2 added, 0 already there\)/g)).toHaveLength(6);
    expect(stdout).toContain('Total: 12 added, 0 already there');
    expect(stderr).toBe('Ingested 6 of 6 articles: 12 claims added, 0 already there.\n');
    expect((await readStoreFile(store)).articles).toHaveLength(6);
  });

  it('files named one by one, all stored: the total on stdout, nothing on stderr', async () => {
    const store = await tempStore();
    const files = await Promise.all([1, 2].map(async (n) => {
      const file = path.join(store, `s${n}.txt`);
      await writeFile(file, story(n));
      return file;
    }));
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', ...files]);
    expect(code).toBe(0);
    expect(stdout).toContain('Total: 4 added, 0 already there');
    expect(stderr).toBe('');
  });

  it('on a terminal: a progress bar drawn in place, cleared before the summary', async () => {
    const store = await tempStore();
    const { code, stderr } = await run(['--store', store, 'ingest', await folderOf(3)], { stderrIsTTY: true });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r\u001b\[2K[█░]+ 0\/3 · 0 articles/);
    expect(stderr).toMatch(/\r\u001b\[2K█+ 3\/3 · 3 articles\r\u001b\[2K/);
    expect(stderr.endsWith('\r\u001b[2KIngested 3 of 3 articles: 6 claims added, 0 already there.\n')).toBe(true);
  });

  it('one file on a terminal: no bar at all', async () => {
    const store = await tempStore();
    const file = path.join(store, 'one.txt');
    await writeFile(file, story(1));
    const { code, stderr } = await run(['--store', store, 'ingest', file], { stderrIsTTY: true });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('a broken file is named, the rest are stored in one write, exit 1', async () => {
    const store = await tempStore();
    const folder = await folderOf(5, [3]);
    writes.count = 0;
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', folder, '--json']);
    expect(code).toBe(1);
    expect(writes.count).toBe(1);
    const result = JSON.parse(stdout) as { files: { file: string }[]; failed: { file: string; error: string }[]; added: number };
    expect(result.files).toHaveLength(4);
    expect(result.added).toBe(8);
    expect(result.failed).toEqual([{ file: path.join(folder, 'story-003.txt'), error: `'${path.join(folder, 'story-003.txt')}' looks like a binary file (NUL byte at offset 4), not an article` }]);
    expect(stderr).toContain(`error: '${path.join(folder, 'story-003.txt')}' looks like a binary file`);
    expect(stderr).toContain('Ingested 4 of 5 articles (1 failed): 8 claims added, 0 already there.\n');
    expect(stderr).toMatch(/error: 1 of 5 articles could not be ingested: '.*story-003\.txt'\nhint: the others were stored/);
    expect((await readStoreFile(store)).articles).toHaveLength(4);
  });

  it('a folder with no articles: an error naming it, nothing stored', async () => {
    const store = await tempStore();
    const empty = path.join(store, 'empty');
    await mkdir(empty);
    await writeFile(path.join(empty, 'photo.jpg'), 'x');
    const { code, stderr } = await run(['--store', store, 'ingest', empty]);
    expect(code).toBe(1);
    expect(stderr).toContain(`error: the folder '${empty}' holds no article files`);
    await expect(readFile(path.join(store, 'store.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('ingest NDJSON records', () => {
  it('from standard input: url gives the id, date and title win; a bad record is named by its line', async () => {
    const store = await tempStore();
    const input = [record(1, { url: 'https://news.example/1', date: '2025-01-02', title: 'One' }), '{"text": 5}', '', record(2)].join('\n');
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', '-', '--json'], { stdin: input });
    expect(code).toBe(1);
    expect(stderr).toContain('error: standard input line 2 is not an article record: "text": ');
    expect(JSON.parse(stdout)).toMatchObject({ added: 4, files: [{ file: '-:1', title: 'One' }, { file: '-:4', title: 'Story 2' }] });
    const data = await readStoreFile(store);
    expect(data.articles.map((a) => [a.title, a.date, a.url, a.origin])).toEqual([
      ['One', '2025-01-02', 'https://news.example/1', '-:1'],
      ['Story 2', '2024-10-22', null, '-:4'],
    ]);
    expect(data.claims.filter((c) => c.articleId === data.articles[0]!.id).map((c) => c.date)).toEqual(['2025-01-02', '2025-01-02']);
  });

  it('a file of one bad record: the error is printed once', async () => {
    const store = await tempStore();
    const file = path.join(store, 'feed.ndjson');
    await writeFile(file, '{"title": "no text"}\n');
    const { code, stderr } = await run(['--store', store, 'ingest', file]);
    expect(code).toBe(1);
    expect(stderr.match(/line 1 is not an article record/g)).toHaveLength(1);
    expect(stderr).toMatch(/error: 1 of 1 articles could not be ingested: '.*feed\.ndjson:1'\nhint: nothing was stored/);
  });

  it('the same records again: nothing added, the store file unchanged', async () => {
    const store = await tempStore();
    const input = [record(1, { url: 'https://news.example/1' }), record(2)].join('\n');
    expect((await run(['--store', store, 'ingest', '-'], { stdin: input })).code).toBe(0);
    const before = await readFile(path.join(store, 'store.json'), 'utf8');
    const again = await run(['--store', store, 'ingest', '-', '--json'], { stdin: input });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, existing: 4 });
    expect(await readFile(path.join(store, 'store.json'), 'utf8')).toBe(before);
  });

  it('1200 records are stored in one write, all of them', async () => {
    const store = await tempStore();
    const input = Array.from({ length: 1200 }, (_, i) => record(i)).join('\n');
    writes.count = 0;
    const { code, stderr } = await run(['--store', store, 'ingest', '-', '--input-format', 'ndjson'], { stdin: input });
    expect(code).toBe(0);
    expect(writes.count).toBe(1);
    expect(stderr).toBe('Ingested 1200 of 1200 articles: 2400 claims added, 0 already there.\n');
    expect((await readStoreFile(store)).articles).toHaveLength(1200);
  });

  it('past FLUSH_LIMITS the parsed articles are stored in chunks, all of them, a failure in between still named', async () => {
    const store = await tempStore();
    const input = Array.from({ length: 1200 }, (_, i) => (i === 700 ? '{"text": 5}' : record(i))).join('\n');
    const saved = { ...FLUSH_LIMITS };
    Object.assign(FLUSH_LIMITS, { claims: 600, articles: 10_000 });
    writes.count = 0;
    try {
      const { code, stderr } = await run(['--store', store, 'ingest', '-', '--input-format', 'ndjson'], { stdin: input });
      expect(code).toBe(1);
      // Two claims an article: a write per 300 articles (the bad record is in the third), 299 last.
      expect(writes.count).toBe(4);
      expect(stderr).toContain('error: standard input line 701 is not an article record');
      expect(stderr).toContain('Ingested 1199 of 1200 articles (1 failed): 2398 claims added, 0 already there.\n');
    } finally {
      Object.assign(FLUSH_LIMITS, saved);
    }
    expect((await readStoreFile(store)).articles).toHaveLength(1199);
  });
});

describe('parse NDJSON records: a streaming filter', () => {
  const input = [record(1, { url: 'https://news.example/1' }), 'nonsense', record(2)].join('\n');

  it('--format ndjson: one claim per line; a bad record is named on stderr; exit 1', async () => {
    const { code, stdout, stderr } = await run(['parse', '-', '--format', 'ndjson'], { stdin: input });
    expect(code).toBe(1);
    const claims = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { content: string });
    expect(claims.map((c) => c.content)).toEqual(['bridge 1 is safe', 'bridge 1 was closed', 'bridge 2 is safe', 'bridge 2 was closed']);
    expect(stderr).toMatch(/^error: standard input line 2 is not valid JSON .*\nerror: 1 of 3 records could not be parsed\nhint: /);
  });

  it('--json: one array of { article, claims }; --format csv: one header row', async () => {
    const good = [record(1), record(2)].join('\n');
    const json = await run(['parse', '-', '--json'], { stdin: good });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { article: { title: string } }[]).map((r) => r.article.title)).toEqual(['Story 1', 'Story 2']);
    const csv = await run(['parse', '-', '--format', 'csv'], { stdin: good });
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.startsWith('"id",'))).toHaveLength(1);
    const table = await run(['parse', '-'], { stdin: good });
    expect(table.stdout).toMatch(/^Story 1\n2024-10-22 · 2 claims\n┌[\s\S]*┘\n\nStory 2\n/);
  });

  it('an empty stream of records: an empty array, exit 0', async () => {
    const { code, stdout } = await run(['parse', '-', '--input-format', 'ndjson', '--json'], { stdin: '' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('waits for a full stdout to drain before reading the next record', async () => {
    // stdin hands out records one at a time and counts how many were taken.
    let taken = 0;
    async function* records() {
      for (let n = 1; n <= 5; n++) {
        taken++;
        yield Buffer.from(`${record(n)}\n`);
      }
    }
    // stdout says "full" on every write and drains only when the test says so.
    const listeners = new Set<() => void>();
    const lines: string[] = [];
    const stdout = {
      write: (s: string) => (lines.push(s), false),
      once: (_event: string, fn: () => void) => void listeners.add(fn),
      removeListener: (_event: string, fn: () => void) => void listeners.delete(fn),
    };
    const drain = () => {
      const fns = [...listeners];
      listeners.clear();
      for (const fn of fns) fn();
    };
    const done = main(['parse', '-', '--format', 'ndjson'], { stdout, stderr: { write: () => true }, stdin: records(), env: { HOME: '/nonexistent' }, isTTY: false });
    const takenWhenBlocked: number[] = [];
    for (let i = 0; i < 5; i++) {
      await vi.waitFor(() => expect(listeners.size).toBeGreaterThan(0));
      // Blocked on a full stdout: no record beyond the one being written has been read.
      takenWhenBlocked.push(taken);
      drain();
    }
    expect(await done).toBe(0);
    expect(takenWhenBlocked).toEqual([1, 2, 3, 4, 5]);
    expect(lines).toHaveLength(5);
  });

  it('stops reading once stdout is closed (| head)', async () => {
    let taken = 0;
    const records = Readable.from(
      (function* () {
        for (let n = 1; n <= 100; n++) {
          taken++;
          yield Buffer.from(`${record(n)}\n`);
        }
      })(),
    );
    const stdout = { destroyed: false, write(this: { destroyed: boolean }) { this.destroyed = true; return true; } };
    const code = await main(['parse', '-', '--format', 'ndjson'], { stdout, stderr: { write: () => true }, stdin: records, env: { HOME: '/nonexistent' }, isTTY: false });
    expect(code).toBe(0);
    expect(taken).toBeLessThan(100);
  });
});

describe('articles and remove', () => {
  async function storeWithTwo(): Promise<string> {
    const store = await tempStore();
    const input = [record(1, { url: 'https://news.example/one', title: 'One', date: '2025-01-02', source: 'Ledger' }), record(2, { title: 'Two' })].join('\n');
    expect((await run(['--store', store, 'ingest', '-'], { stdin: input })).code).toBe(0);
    return store;
  }

  it('articles: each article once with its claim count, in every format', async () => {
    const store = await storeWithTwo();
    const json = JSON.parse((await run(['--store', store, 'articles', '--json'])).stdout) as { title: string; claims: number; url: string | null }[];
    // Oldest first: the stand-in parser dates "Two" 2024-10-22.
    expect(json.map((a) => [a.title, a.claims, a.url])).toEqual([['Two', 2, null], ['One', 2, 'https://news.example/one']]);
    const table = (await run(['--store', store, 'articles'])).stdout;
    expect(table).toMatch(/│ ID +│ Date +│ Source +│ Claims │ Title +│ From +│/);
    expect(table).toMatch(/│ 2025-01-02 │ Ledger +│ +2 │ One +│ news\.example\/one +│/);
    expect(table).toMatch(/│ Two +│ standard input line 2 │/);
    const csv = (await run(['--store', store, 'articles', '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('"id","title","date","source","byline","url","origin","claims","textHash","length","ingestedAt"');
    expect((await run(['--store', store, 'articles', '--format', 'ndjson'])).stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it.each<[string | null, string]>([
    ['https://www.ledger.example/world/2025/02/grain-deal.html?ref=x', 'ledger.example/…/grain-deal.html'],
    ['https://news.example/story', 'news.example/story'],
    ['/home/me/downloads/2025/page.html', 'page.html'],
    ['crawl/part-00017.ndjson:42', 'part-00017.ndjson:42'],
    ['-', 'standard input'],
    [null, '—'],
  ])('the table shortens where an article came from: %j → %j', (where, shown) => {
    expect(shortSource(where)).toBe(shown);
  });

  it('articles on an empty store: a note on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['--store', await tempStore(), 'articles']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^No articles stored yet/);
  });

  it.each<[string, (data: StoreData) => string]>([
    ['an id prefix', (d) => d.articles[0]!.id.slice(0, 6)],
    ['the URL', () => 'https://news.example/one'],
    ['the origin', () => '-:1'],
  ])('remove --article by %s: the article and its claims go, and it says how many', async (_name, pick) => {
    const store = await storeWithTwo();
    const data = await readStoreFile(store);
    const [one, two] = data.articles;
    const { code, stdout } = await run(['--store', store, 'remove', '--article', pick(data)]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Removed article ${one!.id} \\(One\\) and its 2 claims\\.\\n`));
    const after = await readStoreFile(store);
    expect(after.articles.map((a) => a.id)).toEqual([two!.id]);
    expect(after.claims.every((c) => c.articleId === two!.id)).toBe(true);
    expect(after.claims).toHaveLength(2);
  });

  it('remove --json says what went', async () => {
    const store = await storeWithTwo();
    const { stdout } = await run(['--store', store, 'remove', '--article', 'https://news.example/one', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ article: { title: 'One' }, claimsRemoved: 2 });
  });

  it.each<[string, string[], RegExp, number]>([
    ['an unknown article', ['--article', 'ffffffff'], /^error: no stored article has the id 'ffffffff'\nhint: run 'claims articles'/, 1],
    ['no --article', [], /^error: say what to remove: --article ID\n/, 2],
  ])('remove with %s: an error, the store untouched', async (_name, args, message, exit) => {
    const store = await storeWithTwo();
    const before = await readFile(path.join(store, 'store.json'), 'utf8');
    const { code, stderr } = await run(['--store', store, 'remove', ...args]);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
    expect(await readFile(path.join(store, 'store.json'), 'utf8')).toBe(before);
  });
});
