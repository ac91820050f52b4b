import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimsError } from '../src/errors.js';
import type { Article, Claim, ParseResult, StoreData } from '../src/model.js';
import { mergeParsed, readStore, resolveStoreDir, storeFile, updateStore } from '../src/store/index.js';

const article = (id: string, overrides: Partial<Article> = {}): Article => ({
  id,
  title: `Article ${id}`,
  date: '2024-05-01',
  source: 'AFP',
  byline: null,
  textHash: `hash-${id}`,
  length: 100,
  ...overrides,
});

const claim = (id: string, overrides: Partial<Claim> = {}): Claim => ({
  id,
  articleId: 'a1',
  speaker: { id: 'seoul-nis', name: 'Seoul NIS', mention: 'the NIS' },
  stance: 'asserts',
  date: '2024-05-01',
  dateText: null,
  content: `content of ${id}`,
  quote: null,
  sentence: `The NIS said ${id}.`,
  start: 0,
  end: 10,
  cue: 'said',
  ...overrides,
});

const parsed = (articleId: string, claimIds: string[]): ParseResult => ({
  article: article(articleId),
  claims: claimIds.map((id) => claim(id, { articleId })),
});

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'claims-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function caught(promise: Promise<unknown>): Promise<ClaimsError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClaimsError);
  return err as ClaimsError;
}

describe('resolveStoreDir', () => {
  const env = { HOME: '/home/u', XDG_DATA_HOME: '/xdg', CLAIMS_STORE: '/env-store' };

  it.each([
    ['--store wins over everything', '/explicit', env, '/explicit'],
    ['CLAIMS_STORE comes next', undefined, env, '/env-store'],
    ['then $XDG_DATA_HOME/claims', undefined, { HOME: '/home/u', XDG_DATA_HOME: '/xdg' }, '/xdg/claims'],
    ['then ~/.local/share/claims', undefined, { HOME: '/home/u' }, '/home/u/.local/share/claims'],
    ['empty values count as unset', '', { HOME: '/home/u', CLAIMS_STORE: '', XDG_DATA_HOME: '' }, '/home/u/.local/share/claims'],
    ['a relative XDG_DATA_HOME is ignored, as the spec says', undefined, { HOME: '/home/u', XDG_DATA_HOME: 'rel' }, '/home/u/.local/share/claims'],
    ['a quoted ~ in CLAIMS_STORE is expanded', undefined, { HOME: '/home/u', CLAIMS_STORE: '~/notes' }, '/home/u/notes'],
  ])('%s', (_name, explicit, environment, expected) => {
    expect(resolveStoreDir(explicit, environment)).toBe(expected);
  });

  it('makes a relative --store absolute against the working directory', () => {
    expect(resolveStoreDir('rel/store', {})).toBe(path.resolve('rel/store'));
  });

  it('keeps store.json inside the directory', () => {
    expect(storeFile('/data/claims')).toBe(path.join('/data/claims', 'store.json'));
  });
});

describe('readStore', () => {
  it('reads a missing store as empty and creates nothing', async () => {
    const missing = path.join(dir, 'not', 'there');
    expect(await readStore(missing)).toEqual({ version: 1, articles: [], claims: [] });
    await expect(fs.stat(path.join(dir, 'not'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readStore(dir)).toEqual({ version: 1, articles: [], claims: [] });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reports a store path that is a file as STORE_IO with a hint about directories, and leaves the file alone', async () => {
    const file = path.join(dir, 'store.json');
    await fs.writeFile(file, '{}');
    for (const attempt of [readStore(file), updateStore(file, (d) => void d.claims.push(claim('c1')))]) {
      const err = await caught(attempt);
      expect(err.code).toBe('STORE_IO');
      expect(err.message).toContain(file);
      expect(err.hint).toMatch(/is a file, not a directory/);
    }
    expect(await fs.readFile(file, 'utf8')).toBe('{}');
  });
});

describe('updateStore', () => {
  it('round-trips what fn adds, creating the directory on first write', async () => {
    const nested = path.join(dir, 'a', 'b');
    const { result, data } = await updateStore(nested, (d) => {
      d.articles.push(article('a1'));
      d.claims.push(claim('c1'), claim('c2', { stance: 'denies', topics: ['nuclear'] }));
      return 'done';
    });
    expect(result).toBe('done');
    expect(data.claims).toHaveLength(2);

    const onDisk = JSON.parse(await fs.readFile(storeFile(nested), 'utf8')) as StoreData;
    expect(onDisk.version).toBe(1);
    expect(await readStore(nested)).toEqual(data);
    expect((await readStore(nested)).claims[1]).toEqual(claim('c2', { stance: 'denies', topics: ['nuclear'] }));
  });

  it('does not rewrite the file when fn changes nothing', async () => {
    // Compact JSON: any rewrite would re-indent it, so unchanged bytes prove no write.
    const compact = JSON.stringify({ version: 1, articles: [article('a1')], claims: [claim('c1')] });
    await fs.writeFile(storeFile(dir), compact);
    const { result } = await updateStore(dir, (d) => d.claims.length);
    expect(result).toBe(1);
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(compact);
  });

  it('writes nothing when the store is missing and fn changes nothing', async () => {
    await updateStore(dir, () => undefined);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('writes nothing and releases the lock when fn throws', async () => {
    await updateStore(dir, (d) => void d.claims.push(claim('c1')));
    const before = await fs.readFile(storeFile(dir));
    await expect(
      updateStore(dir, (d) => {
        d.claims.push(claim('c2'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await fs.readFile(storeFile(dir))).toEqual(before);
    // Would fail with STORE_LOCKED if the lock had leaked.
    await updateStore(dir, (d) => void d.claims.push(claim('c3')), { lockTimeoutMs: 0 });
    expect((await readStore(dir)).claims.map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('refuses to write data that fails the schema (a bug in fn), leaving the file alone', async () => {
    await updateStore(dir, (d) => void d.claims.push(claim('c1')));
    const before = await fs.readFile(storeFile(dir));
    await expect(
      updateStore(dir, (d) => {
        (d.claims[0] as { stance: string }).stance = 'maybe';
      }),
    ).rejects.toThrow(/claims\[0\]\.stance/);
    expect(await fs.readFile(storeFile(dir))).toEqual(before);
  });
});

describe('invalid stores are reported and never overwritten', () => {
  it('invalid JSON: STORE_INVALID naming the file and line, bytes unchanged after an update attempt', async () => {
    const broken = '{\n  "version": 1,\n  "articles": [],\n  "claims": [,]\n}\n';
    await fs.writeFile(storeFile(dir), broken);

    const readErr = await caught(readStore(dir));
    expect(readErr.code).toBe('STORE_INVALID');
    expect(readErr.message).toContain(storeFile(dir));
    expect(readErr.message).toContain('not valid JSON');
    expect(readErr.message).toContain('invalid at line 4, column 14: not valid JSON: expected a value, found ","');
    expect(readErr.hint).toContain('Fix the JSON syntax at line 4, column 14');
    expect(readErr.hint).toMatch(/restore it from a backup/i);
    expect(readErr.hint).toMatch(/move it away/);

    let called = false;
    const updateErr = await caught(
      updateStore(dir, (d) => {
        called = true;
        d.claims.push(claim('c1'));
      }),
    );
    expect(updateErr.code).toBe('STORE_INVALID');
    expect(called).toBe(false);
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(broken);
  });

  it('a schema violation names the JSON path in the message and the hint', async () => {
    const bad = { version: 1, articles: [article('a1')], claims: [claim('c0'), claim('c1'), { ...claim('c2'), stance: 'maybe' }] };
    const text = JSON.stringify(bad, null, 2);
    await fs.writeFile(storeFile(dir), text);

    const err = await caught(updateStore(dir, (d) => void d.claims.pop()));
    expect(err.code).toBe('STORE_INVALID');
    expect(err.message).toContain(`${storeFile(dir)} is invalid at claims[2].stance`);
    expect(err.hint).toContain('Fix claims[2].stance');
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(text);
  });

  it('counts further problems and names nested paths', async () => {
    const bad = { version: 1, articles: [], claims: [{ ...claim('c0'), speaker: { id: 'x', name: '', mention: 'y' }, start: -1 }] };
    await fs.writeFile(storeFile(dir), JSON.stringify(bad));
    const err = await caught(readStore(dir));
    expect(err.message).toMatch(/at claims\[0\]\.speaker\.name: .*\(and 1 more problem\)/);
  });

  it('a missing field is called missing', async () => {
    const { articleId: _dropped, ...partial } = claim('c0');
    await fs.writeFile(storeFile(dir), JSON.stringify({ version: 1, articles: [], claims: [partial] }));
    const err = await caught(readStore(dir));
    expect(err.message).toMatch(/invalid at claims\[0\]\.articleId: missing \(expected string\)$/);
  });

  it('a version that is not a whole number is invalid at `version`', async () => {
    await fs.writeFile(storeFile(dir), JSON.stringify({ version: 'one', articles: [], claims: [] }));
    const err = await caught(readStore(dir));
    expect(err.code).toBe('STORE_INVALID');
    expect(err.message).toContain('invalid at version');
  });

  it('a top-level value that is not an object or array is invalid', async () => {
    await fs.writeFile(storeFile(dir), '"hello"');
    const err = await caught(readStore(dir));
    expect(err.code).toBe('STORE_INVALID');
    expect(err.message).toContain('(top level)');
  });

  it('names an existing backup in the hint', async () => {
    await fs.writeFile(`${storeFile(dir)}.v0.bak`, '[]');
    await fs.writeFile(storeFile(dir), 'nope');
    const err = await caught(readStore(dir));
    expect(err.hint).toContain(`${storeFile(dir)}.v0.bak`);
  });
});

describe('mergeParsed', () => {
  it('adds the article once and each claim once; re-ingesting changes nothing', () => {
    const data: StoreData = { version: 1, articles: [], claims: [] };
    expect(mergeParsed(data, parsed('a1', ['c1', 'c2']), '2024-06-01T00:00:00.000Z')).toEqual({ added: 2, existing: 0 });
    const snapshot = structuredClone(data);

    expect(mergeParsed(data, parsed('a1', ['c1', 'c2']), '2025-01-01T00:00:00.000Z')).toEqual({ added: 0, existing: 2 });
    expect(data).toEqual(snapshot);
    expect(data.articles[0]?.ingestedAt).toBe('2024-06-01T00:00:00.000Z');
  });

  it('adds only the new claims of an article seen before', () => {
    const data: StoreData = { version: 1, articles: [], claims: [] };
    mergeParsed(data, parsed('a1', ['c1']));
    expect(mergeParsed(data, parsed('a1', ['c1', 'c3']))).toEqual({ added: 1, existing: 1 });
    expect(data.articles).toHaveLength(1);
    expect(data.claims.map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('counts a claim id repeated within one parse result once', () => {
    const data: StoreData = { version: 1, articles: [], claims: [] };
    expect(mergeParsed(data, parsed('a1', ['c1', 'c1']))).toEqual({ added: 1, existing: 1 });
  });

  it('keeps the parser’s ingestedAt when none is passed, and does not alias its objects', () => {
    const data: StoreData = { version: 1, articles: [], claims: [] };
    const input = parsed('a1', ['c1']);
    input.article.ingestedAt = '2024-01-01T00:00:00.000Z';
    mergeParsed(data, input);
    expect(data.articles[0]?.ingestedAt).toBe('2024-01-01T00:00:00.000Z');
    input.claims[0]!.content = 'changed later';
    expect(data.claims[0]?.content).toBe('content of c1');
  });

  it('stays linear: 40k new claims into 40k stored claims in well under a second', () => {
    const data: StoreData = { version: 1, articles: [], claims: Array.from({ length: 40_000 }, (_, i) => claim(`old-${i}`)) };
    const big = parsed('a2', Array.from({ length: 40_000 }, (_, i) => (i % 2 === 0 ? `old-${i}` : `new-${i}`)));
    const started = performance.now();
    expect(mergeParsed(data, big)).toEqual({ added: 20_000, existing: 20_000 });
    // A quadratic scan would do 1.6e9 comparisons here: many seconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('works inside updateStore: ingesting twice writes once', async () => {
    const first = await updateStore(dir, (d) => mergeParsed(d, parsed('a1', ['c1', 'c2']), '2024-06-01T00:00:00.000Z'));
    expect(first.result).toEqual({ added: 2, existing: 0 });
    const stat = await fs.stat(storeFile(dir));
    const second = await updateStore(dir, (d) => mergeParsed(d, parsed('a1', ['c1', 'c2']), '2025-06-01T00:00:00.000Z'));
    expect(second.result).toEqual({ added: 0, existing: 2 });
    expect((await fs.stat(storeFile(dir))).ino).toBe(stat.ino);
  });
});
