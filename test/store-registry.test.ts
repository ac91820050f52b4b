import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caught, useTempDir } from './helpers/store.js';
import { ActorRegistrySchema, type ActorRegistry } from '../src/model.js';
import { readRegistry, writeRegistry } from '../src/store/index.js';

const tempDir = useTempDir('claims-registry-');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});

const bundledOnDisk = async () =>
  ActorRegistrySchema.parse(JSON.parse(await fs.readFile(new URL('../data/actors.json', import.meta.url), 'utf8')));

const mine: ActorRegistry = {
  version: 1,
  actors: [{ id: 'kcna', name: 'KCNA', kind: 'source', aliases: ['Korean Central News Agency'] }],
};

describe('readRegistry', () => {
  it('falls back to the bundled data/actors.json when the user has none, creating nothing', async () => {
    const registry = await readRegistry(dir);
    expect(registry).toEqual(await bundledOnDisk());
    expect(registry.actors.length).toBeGreaterThan(0);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('hands out copies of the defaults, so one caller’s edits do not leak to the next', async () => {
    const first = await readRegistry(dir);
    first.actors.length = 0;
    expect((await readRegistry(dir)).actors.length).toBeGreaterThan(0);
  });

  it('prefers the user’s actors.json and fills schema defaults', async () => {
    await fs.writeFile(path.join(dir, 'actors.json'), JSON.stringify({ version: 1, actors: [{ id: 'kcna', name: 'KCNA' }] }));
    expect(await readRegistry(dir)).toEqual({
      version: 1,
      actors: [{ id: 'kcna', name: 'KCNA', kind: 'organisation', aliases: [] }],
    });
  });

  it('reports an invalid user registry as STORE_INVALID with the JSON path', async () => {
    await fs.writeFile(path.join(dir, 'actors.json'), JSON.stringify({ version: 1, actors: [{ id: 'Not A Slug', name: 'X' }] }));
    const err = await caught(readRegistry(dir));
    expect(err.code).toBe('STORE_INVALID');
    expect(err.message).toContain(`${path.join(dir, 'actors.json')} is invalid at actors[0].id`);
    expect(err.hint).toMatch(/bundled actor list/);
  });

  it('refuses a registry from a newer claims', async () => {
    await fs.writeFile(path.join(dir, 'actors.json'), JSON.stringify({ version: 2, actors: [] }));
    expect((await caught(readRegistry(dir))).code).toBe('STORE_TOO_NEW');
  });
});

describe('writeRegistry', () => {
  it('writes atomically into a new directory and reads back', async () => {
    const nested = path.join(dir, 'new', 'store');
    await writeRegistry(nested, mine);
    expect(await readRegistry(nested)).toEqual(mine);
    expect((await fs.readdir(nested)).sort()).toEqual(['actors.json']);
  });

  it('rejects an invalid registry without writing anything', async () => {
    const bad = { version: 1, actors: [{ id: 'Bad Id', name: 'X', kind: 'person', aliases: [] }] } as ActorRegistry;
    const err = await caught(writeRegistry(dir, bad));
    expect(err.code).toBe('INPUT_INVALID');
    expect(err.message).toContain('actors[0].id');
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
