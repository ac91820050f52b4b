// The store's promises, kept by the real CLI: parallel `claims ingest` processes lose
// nothing, and an ingest killed while writing leaves the store as it was.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, BUNDLED_ARTICLE, ROOT, claims, cleanEnv } from './helpers/spawn.js';
import { storeOnDisk } from './helpers/store.js';
import { portStory } from './helpers/port-story.js';

interface Stored {
  claims: { id: string; articleId: string }[];
  articles: { id: string }[];
}

/** Each n its own article and its own speaker (so its own shard). */
const article = (n: number) => portStory(n, `Captain Lena Moss${n}`);

describe('parallel ingests', () => {
  it('eight ingests of different articles at once keep every claim of every article', async () => {
    const store = await mkdtemp(path.join(tmpdir(), 'claims-par-'));
    const dir = await mkdtemp(path.join(tmpdir(), 'claims-par-articles-'));
    const files = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        const file = path.join(dir, `port-${n}.txt`);
        await writeFile(file, article(n));
        return file;
      }),
    );
    // What each article holds, parsed alone.
    const expected = await Promise.all(files.map(async (f) => JSON.parse((await claims(['parse', f, '--json'])).stdout) as Stored & { article: { id: string } }));
    const results = await Promise.all(files.map((f) => claims(['--store', store, 'ingest', f], { timeoutMs: 60_000 })));
    for (const r of results) expect(r.code, r.stderr).toBe(0);

    const stored: Stored = await storeOnDisk(store);
    const ids = new Set(stored.claims.map((c) => c.id));
    for (const e of expected) {
      expect(e.claims.length).toBeGreaterThanOrEqual(2);
      for (const c of e.claims) expect(ids.has(c.id)).toBe(true);
    }
    expect(stored.articles).toHaveLength(8);
  }, 90_000);
});

describe('an ingest killed while writing', () => {
  it('leaves a store that loads with every claim from before', async () => {
    const store = await mkdtemp(path.join(tmpdir(), 'claims-kill-'));
    // A large store first, so that its rewrite takes long enough to be caught.
    const padding = 'x'.repeat(300);
    const seed = {
      version: 1,
      articles: [{ id: 'seed', title: 'seed', date: null, source: null, byline: null, textHash: 'h', length: 1 }],
      claims: Array.from({ length: 20_000 }, (_, i) => ({
        id: `seed-${i}`, articleId: 'seed', speaker: { id: 'nato', name: 'NATO', mention: 'NATO' }, stance: 'asserts',
        date: null, dateText: null, content: `claim ${i} ${padding}`, quote: null, sentence: 'NATO said so.', start: 0, end: 13, cue: 'said',
      })),
    };
    await writeFile(path.join(store, 'store.json'), JSON.stringify(seed));

    let killedMidWrite = 0;
    for (let round = 0; round < 2; round++) {
      const child = spawn(process.execPath, [BIN, '--store', store, 'ingest', BUNDLED_ARTICLE], { cwd: ROOT, env: cleanEnv(), stdio: 'ignore' });
      // The atomic write creates a temporary file beside store.json: kill the moment it appears.
      const watcher = watch(store, (_event, name) => {
        if (name && name !== 'store.json' && name.startsWith('store.json.') && !name.endsWith('.lock')) {
          if (child.kill('SIGKILL')) killedMidWrite++;
        }
      });
      await new Promise((resolve) => child.on('close', resolve));
      watcher.close();

      const listed = await claims(['--store', store, 'list', '--json'], { timeoutMs: 60_000 });
      expect(listed.code, listed.stderr).toBe(0);
      const ids = new Set((JSON.parse(listed.stdout) as { id: string }[]).map((c) => c.id));
      for (let i = 0; i < seed.claims.length; i += 499) expect(ids.has(`seed-${i}`)).toBe(true);
      expect(ids.size).toBeGreaterThanOrEqual(seed.claims.length);
      // Rewrite the seed so every round starts from the same store.
      await writeFile(path.join(store, 'store.json'), JSON.stringify(seed));
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    // No temporary file is mistaken for the store afterwards.
    const left = (await readdir(store)).filter((f) => f.startsWith('store.json'));
    expect(left).toContain('store.json');
  }, 180_000);
});
