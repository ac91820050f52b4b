// A generated store of a few thousand claims through the real CLI: export
// --format ndjson prints every claim, from the version-1 file and after the
// first write has split it into shards; list --actor reads one actor's claims.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { writeStore } from '../scripts/bench/generate.mjs';
import { claims } from './helpers/spawn.js';

const SIZE = 3000;
let store: string;
beforeAll(async () => {
  store = await mkdtemp(path.join(tmpdir(), 'claims-scale-'));
  await (writeStore as (file: string, n: number) => Promise<void>)(path.join(store, 'store.json'), SIZE);
});
afterAll(async () => {
  await rm(store, { recursive: true, force: true });
});

const exported = async (): Promise<{ id: string; articleTitle: string | null }[]> => {
  const r = await claims(['--store', store, 'export', '--format', 'ndjson'], { timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; articleTitle: string | null });
};

describe('a generated store', () => {
  it('export --format ndjson prints every claim, before and after the store is split into shards', async () => {
    const fromV1 = await exported();
    expect(fromV1).toHaveLength(SIZE);
    expect(new Set(fromV1.map((c) => c.id)).size).toBe(SIZE);
    expect(fromV1.every((c) => c.articleTitle?.startsWith('Generated article'))).toBe(true);

    const ingest = await claims(['--store', store, 'ingest', '-'], { input: 'Settle\nMarch 3, 2025\n\nNothing was said.\n', timeoutMs: 60_000 });
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(await readdir(store)).toEqual(expect.arrayContaining(['claims', 'store.json', 'store.json.v1.bak']));

    const fromShards = await exported();
    expect(fromShards.map((c) => c.id).sort()).toEqual(fromV1.map((c) => c.id).sort());

    const listed = await claims(['--store', store, 'list', '--actor', 'NATO', '--format', 'json'], { timeoutMs: 60_000 });
    expect(listed.code, listed.stderr).toBe(0);
    const nato = JSON.parse(listed.stdout) as { speaker: { id: string } }[];
    expect(nato.length).toBeGreaterThan(0);
    expect(nato.every((c) => c.speaker.id === 'nato')).toBe(true);
  }, 120_000);
});
