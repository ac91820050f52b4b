// `parse` and `ingest` in-process, with a stand-in parser: what the CLI does
// around the parser (reading input, storing, counting, refusing bad input).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';
import { fakeParseArticle } from './helpers/fake-parser.js';

vi.mock('../src/parse/index.js', () => ({ parseArticle: fakeParseArticle }));

const ARTICLE = 'Ferry operator denies overloading\nThe harbour authority denied the ferry was overloaded.\nNATO has not confirmed the report.\nNIS said troops were sent.\n';
const OTHER = 'Second story\nThe mayor said the bridge is safe.\n';

async function articleFile(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('parse', () => {
  it('--json prints { article, claims } and stores nothing', async () => {
    const store = await tempStore();
    const file = await articleFile(store, 'a.txt', ARTICLE);
    const { code, stdout, stderr } = await run(['--store', store, 'parse', file, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { article: { title: string; origin: string }; claims: { speaker: { name: string }; stance: string }[] };
    expect(Object.keys(result)).toEqual(['article', 'claims']);
    expect(result.article).toMatchObject({ title: 'Ferry operator denies overloading', origin: file });
    expect(result.claims.map((c) => [c.speaker.name, c.stance])).toEqual([
      ['The harbour authority', 'denies'],
      ['NATO', 'unconfirmed'],
      ['Seoul NIS', 'asserts'],
    ]);
    await expect(readFile(path.join(store, 'store.json'))).rejects.toThrow(/ENOENT/);
  });

  it('prints a title line and a table by default', async () => {
    const store = await tempStore();
    const { code, stdout } = await run(['--store', store, 'parse', await articleFile(store, 'a.txt', ARTICLE)]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Ferry operator denies overloading\n2024-10-22 · 3 claims\n┌/);
  });

  it('reads standard input with -, normalising CRLF before parsing', async () => {
    const { code, stdout } = await run(['parse', '-', '--json'], { stdin: `\uFEFF${ARTICLE.replace(/\n/g, '\r\n')}` });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { article: { origin: string }; claims: { start: number; end: number; sentence: string }[] };
    expect(result.article.origin).toBe('-');
    for (const claim of result.claims) expect(ARTICLE.slice(claim.start, claim.end)).toBe(claim.sentence);
  });

  it('--format csv and ndjson', async () => {
    const store = await tempStore();
    const file = await articleFile(store, 'a.txt', ARTICLE);
    const csv = await run(['parse', file, '--format', 'csv']);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(4);
    const nd = await run(['parse', file, '--format', 'ndjson']);
    expect(nd.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it.each<[string, string | Uint8Array, RegExp]>([
    ['an empty article', '', /is empty/],
    ['whitespace only', ' \n \n', /is empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary file/],
    ['invalid UTF-8', Buffer.from([0x61, 0xff, 0x62]), /not valid UTF-8/],
  ])('refuses %s with exit 1 and a hint', async (_name, content, message) => {
    const store = await tempStore();
    const { code, stdout, stderr } = await run(['parse', await articleFile(store, 'bad.txt', content as string)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/\nhint: /);
  });

  it('refuses a missing file with INPUT_NOT_FOUND and a hint', async () => {
    const { code, stderr } = await run(['parse', 'no/such/article.txt']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "error: article file 'no/such/article.txt' does not exist\nhint: check the path (it is relative to the current folder), or give - to read the article from standard input\n",
    );
  });

  it('--max-bytes refuses a larger article', async () => {
    const store = await tempStore();
    const file = await articleFile(store, 'a.txt', ARTICLE);
    const { code, stderr } = await run(['parse', file, '--max-bytes', '50']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/above the limit of 50 bytes\nhint: raise the limit with --max-bytes/);
    const bad = await run(['parse', file, '--max-bytes', 'huge']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/'huge' is not a size/);
  });
});

describe('ingest', () => {
  it('stores claims, then says they are already there', async () => {
    const store = await tempStore();
    const file = await articleFile(store, 'a.txt', ARTICLE);
    const first = await run(['--store', store, 'ingest', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${file}: 3 claims (3 added, 0 already there) — Ferry operator denies overloading`);
    const before = await readFile(path.join(store, 'store.json'), 'utf8');

    const again = await run(['--store', store, 'ingest', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, existing: 3, files: [{ file, claims: 3, added: 0, existing: 3 }] });
    expect(await readFile(path.join(store, 'store.json'), 'utf8')).toBe(before);

    const listed = await run(['--store', store, 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toHaveLength(3);
  });

  it('ingests several files and stdin in one go', async () => {
    const store = await tempStore();
    const a = await articleFile(store, 'a.txt', ARTICLE);
    const { code, stdout } = await run(['--store', store, 'ingest', a, '-', '--json'], { stdin: OTHER });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ added: 4, existing: 0, store: path.join(store, 'store.json') });
  });

  it('one bad file among several: it is named, the others are stored, exit 1', async () => {
    const store = await tempStore();
    const good = await articleFile(store, 'good.txt', ARTICLE);
    const other = await articleFile(store, 'other.txt', OTHER);
    const missing = path.join(store, 'missing.txt');
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', good, missing, other]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${good}: 3 claims (3 added`);
    expect(stdout).toContain(`${other}: 1 claim (1 added`);
    expect(stderr).toContain(`error: article file '${missing}' does not exist\n`);
    expect(stderr).toContain('Ingested 2 of 3 articles (1 failed): 4 claims added, 0 already there.\n');
    expect(stderr).toMatch(/error: 1 of 3 articles could not be ingested: '.*missing\.txt'\nhint: the others were stored/);
    const listed = await run(['--store', store, 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toHaveLength(4);
  });

  it('one bad file alone: its own error, and no store is made', async () => {
    const store = await tempStore();
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', await articleFile(store, 'bad.txt', '')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: '.*bad\.txt' is empty: there is no article text to read\nhint: /);
    await expect(readFile(path.join(store, 'store.json'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses - twice', async () => {
    const { code, stderr } = await run(['ingest', '-', '-']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/standard input \(-\) can be read only once/);
  });

  it('leaves a store that is not valid JSON untouched', async () => {
    const store = await tempStore('{ this is not json');
    const file = await articleFile(store, 'a.txt', ARTICLE);
    const { code, stdout, stderr } = await run(['--store', store, 'ingest', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*store\.json/);
    expect(await readFile(path.join(store, 'store.json'), 'utf8')).toBe('{ this is not json');
  });
});
