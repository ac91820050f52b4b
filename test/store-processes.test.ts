// The store's promises that only show across processes: a writer killed at any
// moment leaves a readable store holding everything it had confirmed, and
// parallel writers lose nothing. Children run the real src/store code, bundled
// with esbuild at test time (vitest's TypeScript transform does not reach them).
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../src/model.js';
import { readStore, storeFile, updateStore } from '../src/store/index.js';

const claim = (id: string, content: string): Claim => ({
  id,
  articleId: 'a1',
  speaker: { id: 'seoul-nis', name: 'Seoul NIS', mention: 'the NIS' },
  stance: 'asserts',
  date: null,
  dateText: null,
  content,
  quote: null,
  sentence: `The NIS said ${id}.`,
  start: 0,
  end: 10,
  cue: 'said',
});

// Adds claims <prefix>-<start> … one updateStore call each, printing "ok <id>"
// only after the call has returned, i.e. after the rename.
const WRITER = `
const { updateStore } = require(process.argv[2]);
const [dir, prefix, start, count, padding] = process.argv.slice(3);
// vitest has already stripped the types, so this is the same builder in plain JS.
const claim = ${claim.toString()};
(async () => {
  for (let i = Number(start); i < Number(start) + Number(count); i++) {
    const id = prefix + '-' + i;
    await updateStore(dir, (data) => { data.claims.push(claim(id, 'x'.repeat(Number(padding)))); });
    process.stdout.write('ok ' + id + '\\n');
  }
})().catch((err) => { process.stderr.write(String(err && err.stack || err) + '\\n'); process.exit(1); });
`;

let work: string;
let bundle: string;
let writer: string;
let dir: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'claims-proc-'));
  bundle = path.join(work, 'store.cjs');
  writer = path.join(work, 'writer.cjs');
  // CommonJS so the bundled CJS dependencies (proper-lockfile, write-file-atomic)
  // can require node built-ins, and the bundle works outside the project tree.
  await build({
    entryPoints: [fileURLToPath(new URL('../src/store/index.ts', import.meta.url))],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  await fs.writeFile(writer, WRITER);
}, 30_000);

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(work, 'store-'));
});

interface Writer {
  child: ChildProcess;
  acked: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function startWriter(prefix: string, start: number, count: number, padding: number): Writer {
  const child = spawn(process.execPath, [writer, bundle, dir, prefix, String(start), String(count), String(padding)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  const stderr: string[] = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ok ')) acked.push(line.slice(3));
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, acked, stderr, exited };
}

// write-file-atomic's temp files: store.json.<n> beside the manifest, <shard>.json.<n> in claims/.
const isTemp = (name: string) => /^store\.json\.\d+$/.test(name) || /\.g\d+\.json\.\d+$/.test(name);
/** Every name in the store folder and its claims/ folder. */
const storeNames = async () => [...(await fs.readdir(dir)), ...(await fs.readdir(path.join(dir, 'claims')).catch(() => []))];

describe('store across processes', () => {
  it('a writer SIGKILLed mid-write leaves the previous store intact, with every confirmed claim', async () => {
    // ~2.5 MB, so a write takes long enough to be interrupted.
    const seed = Array.from({ length: 1000 }, (_, i) => claim(`seed-${i}`, 'y'.repeat(2000)));
    await updateStore(dir, (data) => void data.claims.push(...seed));

    const confirmed: string[] = [];
    let killedMidWrite = 0;
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      const w = startWriter(`r${round}`, 0, 1000, 2000);
      // Kill as soon as the writer's temp file appears (after a first confirmed
      // write, so each round also proves earlier writes survive), at a slightly
      // different moment each round; or after a while if no temp file shows up.
      const watchers = [watch(dir), watch(path.join(dir, 'claims'))];
      await new Promise<void>((resolve) => {
        const kill = (delayMs: number) =>
          setTimeout(() => {
            w.child.kill('SIGKILL');
            resolve();
          }, delayMs);
        let fallback: NodeJS.Timeout | undefined;
        w.child.stdout!.once('data', () => (fallback = kill(400)));
        for (const watcher of watchers) {
          watcher.on('change', (_event, name) => {
            if (w.acked.length > 0 && typeof name === 'string' && isTemp(name)) {
              clearTimeout(fallback);
              kill(round * 3);
            }
          });
        }
        // Never wait forever: the writer may have died on its own.
        void w.exited.then(() => resolve());
      });
      for (const watcher of watchers) watcher.close();
      await w.exited;
      expect(w.stderr.join('')).toBe('');
      expect(w.acked.length).toBeGreaterThan(0);

      if ((await storeNames()).some(isTemp)) killedMidWrite++;

      const ids = new Set((await readStore(dir)).claims.map((c) => c.id));
      confirmed.push(...w.acked);
      for (const id of confirmed) expect(ids, `claim ${id} was confirmed but is missing`).toContain(id);
      for (const s of seed) expect(ids.has(s.id)).toBe(true);
      // At most the one write in flight may have landed without being confirmed.
      expect(ids.size - seed.length - confirmed.length).toBeLessThanOrEqual(1);

      // The killed writer's lock would go stale after 10 s; age it instead of waiting.
      const lock = `${storeFile(dir)}.lock`;
      const longAgo = new Date(Date.now() - 60_000);
      await fs.utimes(lock, longAgo, longAgo).catch(() => {});
    }
    // The point of the test: some kills really did land between temp file and rename.
    expect(killedMidWrite).toBeGreaterThan(0);

    // And the next writer cleans up what the killed ones left behind: temp files and
    // shard files no manifest named. A file the last write replaced stays until the
    // write after it, for readers that read store.json just before.
    const named = async () => {
      const manifest = JSON.parse(await fs.readFile(storeFile(dir), 'utf8')) as { shards: Record<string, { file: string }> };
      return Object.values(manifest.shards).map((s) => path.basename(s.file));
    };
    const before = await named();
    await updateStore(dir, (data) => void data.claims.push(claim('after', '')));
    expect((await storeNames()).filter(isTemp)).toEqual([]);
    const allowed = new Set([...before, ...(await named())]);
    for (const name of await fs.readdir(path.join(dir, 'claims'))) expect(allowed, `${name} is left over`).toContain(name);
  }, 60_000);

  it('8 processes updating one store in parallel lose no claim', async () => {
    const perChild = 4;
    const writers = Array.from({ length: 8 }, (_, n) => startWriter(`p${n}`, 0, perChild, 100));
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(writers.map((w) => w.stderr.join(''))).toEqual(Array(8).fill(''));
    expect(codes).toEqual(Array(8).fill(0));

    const ids = (await readStore(dir)).claims.map((c) => c.id);
    const expected = writers.flatMap((_, n) => Array.from({ length: perChild }, (_, i) => `p${n}-${i}`));
    expect(ids.slice().sort()).toEqual(expected.sort());
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);
});
