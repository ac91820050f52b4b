// What arguments name (src/input/sources.ts) and how each source is read
// (readSource): folders, formats by extension or by first bytes, standard input.
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ClaimsError } from '../src/errors.js';
import { expandSources, readSource, sniffFormat, type InputItem } from '../src/input/index.js';
import { FIXTURES } from './helpers/spawn.js';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'claims-sources-'));

async function read(source: string, stdin: (string | Buffer)[] = [], format?: 'text' | 'html' | 'ndjson'): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readSource(source, { maxBytes: 1_000_000, timeoutMs: 1000, stdin: Readable.from(stdin.map((c) => Buffer.from(c))), format })) out.push(item);
  return out;
}

describe('expandSources', () => {
  it('a folder becomes the article files below it, sorted; hidden files and other kinds are left out', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'b', 'deeper'), { recursive: true });
    await mkdir(path.join(dir, '.git'));
    for (const name of ['z.txt', 'a.html', 'b/c.htm', 'b/deeper/d.ndjson', 'b/e.jsonl', 'notes.md', 'photo.jpg', '.hidden.txt', '.git/x.txt']) {
      await writeFile(path.join(dir, name), 'x');
    }
    await symlink(path.join(dir, 'z.txt'), path.join(dir, 'link.txt'));
    const expanded = await expandSources([dir, 'https://news.example/a', '-', 'given.md']);
    expect(expanded.sources).toEqual([
      path.join(dir, 'a.html'),
      path.join(dir, 'b', 'c.htm'),
      path.join(dir, 'b', 'deeper', 'd.ndjson'),
      path.join(dir, 'b', 'e.jsonl'),
      path.join(dir, 'link.txt'),
      path.join(dir, 'z.txt'),
      'https://news.example/a',
      '-',
      'given.md',
    ]);
    expect(expanded.skipped).toBe(2);
    expect(expanded.problems).toEqual([]);
  });

  it('names the files as path.join would, however the folder was written', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'a.txt'), 'x');
    await writeFile(path.join(dir, 'sub', 'b.txt'), 'x');
    const rel = path.relative(process.cwd(), dir);
    for (const form of [dir, `${dir}/`, rel, `${rel}/`, `${rel}/./`, `${rel}/sub/..`, `./${rel}`]) {
      const { sources } = await expandSources([form]);
      expect(sources, form).toEqual([path.join(form, 'a.txt'), path.join(form, 'sub', 'b.txt')]);
    }
  });

  it('a folder with no article files is a problem named for it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'photo.jpg'), 'x');
    const { sources, problems } = await expandSources([dir]);
    expect(sources).toEqual([]);
    expect(problems.map((p) => [p.origin, p.error.message])).toEqual([[dir, `the folder '${dir}' holds no article files (.txt, .text, .html, .htm, .xhtml, .ndjson, .jsonl)`]]);
  });
});

describe('readSource: the format of a file', () => {
  it('by its extension: .html is a web page, .txt is text even when it holds markup', async () => {
    const html = await readFile(path.join(FIXTURES, 'html', 'harbour-strike.html'));
    const dir = await tempDir();
    await writeFile(path.join(dir, 'page.html'), html);
    await writeFile(path.join(dir, 'page.txt'), html);
    const [page] = await read(path.join(dir, 'page.html'));
    const [text] = await read(path.join(dir, 'page.txt'));
    expect(page).toMatchObject({ article: { text: expect.stringMatching(/^Dock workers vote to strike over pay\n\nDock workers/), meta: { date: '2025-06-02' } } });
    expect(text).toMatchObject({ article: { text: expect.stringMatching(/^<html>/), meta: {} } });
  });

  it('a saved page in a legacy charset is decoded as its <meta> declares', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'cafe.html');
    const story = '<p>Le propri\xe9taire du caf\xe9 a d\xe9menti que le feu avait \xe9t\xe9 allum\xe9 expr\xe8s, et la police a dit que l\u2019enqu\xeate continue.</p>'.replace('\u2019', "'");
    await writeFile(file, Buffer.from(`<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><article>${story}</article></body></html>`, 'latin1'));
    const [item] = await read(file);
    expect(item).toMatchObject({ article: { text: expect.stringContaining('Le propriétaire du café a démenti') } });
  });

  it('by its first bytes when the extension says nothing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'saved'), '\uFEFF\n  <!DOCTYPE html><html><head><title>T</title></head><body><article><p>The mayor said the bridge is safe, and it will be open again by the end of the month.</p></article></body></html>');
    await writeFile(path.join(dir, 'records'), '{"text":"A\\nThe mayor said so."}\n{"text":"B\\nThe mayor said no."}\n');
    await writeFile(path.join(dir, 'article'), 'Title\nThe mayor said so.\n');
    expect((await read(path.join(dir, 'saved')))[0]).toMatchObject({ article: { text: expect.stringMatching(/^T\n\nThe mayor said/) } });
    expect((await read(path.join(dir, 'records'))).map((i) => i.origin)).toEqual([`${path.join(dir, 'records')}:1`, `${path.join(dir, 'records')}:2`]);
    expect((await read(path.join(dir, 'article')))[0]).toMatchObject({ article: { text: 'Title\nThe mayor said so.\n' } });
  });

  it.each<[string, string]>([
    ['<!doctype html>', 'html'],
    ['<html lang="en">', 'html'],
    ['<!-- saved from url -->', 'html'],
    ['{"text": "x"}', 'ndjson'],
    ['<Title in angle brackets> said the minister', 'text'],
    ['Plain text', 'text'],
  ])('sniffFormat(%j) is %s', (start, format) => {
    expect(sniffFormat(Buffer.from(start))).toBe(format);
  });

  it('an NDJSON file: one item per record, a bad record is an error item and the next is read', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'feed.ndjson');
    await writeFile(file, '{"text":"A\\nThe mayor said so.","url":"https://news.example/a"}\nnot json\n\n{"text":"C\\nThe mayor said no."}\n');
    const items = await read(file);
    expect(items.map((i) => i.origin)).toEqual([`${file}:1`, `${file}:2`, `${file}:4`]);
    expect(items[0]).toMatchObject({ article: { origin: `${file}:1`, meta: { url: 'https://news.example/a' } } });
    expect(items[1] && 'error' in items[1] && (items[1].error as ClaimsError).message).toMatch(/^'.*feed\.ndjson' line 2 is not valid JSON/);
  });

  it('a missing NDJSON file: one error item', async () => {
    const items = await read('/nonexistent/feed.ndjson');
    expect(items).toHaveLength(1);
    expect(items[0] && 'error' in items[0] && (items[0].error as ClaimsError).message).toBe("article file '/nonexistent/feed.ndjson' does not exist");
  });
});

describe('readSource: standard input', () => {
  it('is told apart by its first bytes, even when they arrive in small pieces', async () => {
    const records = ['{"te', 'xt":"A\\nThe mayor said so."}\n', '{"text":"B\\nThe mayor said no."}'];
    expect((await read('-', records)).map((i) => i.origin)).toEqual(['-:1', '-:2']);
    expect((await read('-', ['  ', '\n', '<html><body><article><p>The mayor said the bridge is safe, and it will be open again by the end of the month.</p></article></body></html>']))[0]).toMatchObject({ article: { origin: '-' } });
    expect((await read('-', ['Tit', 'le\nBody']))[0]).toMatchObject({ article: { text: 'Title\nBody' } });
  });

  it('--input-format wins over the first bytes', async () => {
    expect((await read('-', ['{"not": "a record"} is how the story starts\nBody'], 'text'))[0]).toMatchObject({ article: { text: '{"not": "a record"} is how the story starts\nBody' } });
  });

  it('errors in stdin records name the line', async () => {
    const [item] = await read('-', ['{"text": 1}\n']);
    expect(item && 'error' in item && (item.error as ClaimsError).message).toMatch(/^standard input line 1 is not an article record/);
  });
});
