import fs from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { caught, sampleClaim, storeOnDisk, useTempDir } from './helpers/store.js';
import { STORE_VERSION, type Claim } from '../src/model.js';
import { readStore, storeFile, updateStore } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrate.js';

const claim = (id: string): Claim => sampleClaim(id, { stance: 'unconfirmed', date: null });

const tempDir = useTempDir('claims-migrate-');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});

it('has one migration per version step up to STORE_VERSION', () => {
  expect(MIGRATIONS).toHaveLength(STORE_VERSION);
});

describe('version 0 → 1', () => {
  const v0Shapes: [string, unknown][] = [
    ['a bare array of claims', [claim('c1'), claim('c2')]],
    ['an object with claims and no version', { claims: [claim('c1'), claim('c2')] }],
  ];

  it.each(v0Shapes)('readStore upgrades %s in memory and writes nothing', async (_name, v0) => {
    const original = JSON.stringify(v0);
    await fs.writeFile(storeFile(dir), original);
    expect(await readStore(dir)).toEqual({ version: STORE_VERSION, articles: [], claims: [claim('c1'), claim('c2')] });
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(original);
    expect(await fs.readdir(dir)).toEqual(['store.json']);
  });

  it.each(v0Shapes)('updateStore backs up %s as store.json.v0.bak, then writes the current version', async (_name, v0) => {
    const original = JSON.stringify(v0);
    await fs.writeFile(storeFile(dir), original);

    // Even an update that changes nothing upgrades the file.
    await updateStore(dir, () => undefined);

    expect(await fs.readFile(`${storeFile(dir)}.v0.bak`, 'utf8')).toBe(original);
    const upgraded = await storeOnDisk(dir);
    expect(upgraded).toMatchObject({ version: STORE_VERSION, articles: [], claims: [claim('c1'), claim('c2')] });
    expect((await fs.readdir(dir)).sort()).toEqual(['claims', 'store.json', 'store.json.v0.bak']);
  });

  it('keeps articles an unversioned object already had', async () => {
    const article = { id: 'a1', title: 'T', date: null, source: null, byline: null, textHash: 'h', length: 1 };
    await fs.writeFile(storeFile(dir), JSON.stringify({ articles: [article], claims: [claim('c1')] }));
    expect((await readStore(dir)).articles).toEqual([article]);
  });

  it('does not overwrite an earlier backup', async () => {
    await fs.writeFile(`${storeFile(dir)}.v0.bak`, 'older backup');
    await fs.writeFile(storeFile(dir), JSON.stringify([claim('c1')]));
    await updateStore(dir, () => undefined);
    expect(await fs.readFile(`${storeFile(dir)}.v0.bak`, 'utf8')).toBe('older backup');
    expect(await fs.readFile(`${storeFile(dir)}.v0.2.bak`, 'utf8')).toBe(JSON.stringify([claim('c1')]));
  });

  it('a version-0 store that is still invalid after upgrading is reported, not written', async () => {
    const text = JSON.stringify([claim('c1'), { ...claim('c2'), stance: 'perhaps' }]);
    await fs.writeFile(storeFile(dir), text);
    const err = await caught(updateStore(dir, () => undefined));
    expect(err.code).toBe('STORE_INVALID');
    expect(err.message).toContain('claims[1].stance');
    expect(err.message).toContain('after upgrading from store version 0');
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(text);
    expect(await fs.readdir(dir)).toEqual(['store.json']);
  });

  it('an unversioned object without claims is invalid at `claims`', async () => {
    await fs.writeFile(storeFile(dir), JSON.stringify({ notes: [] }));
    const err = await caught(readStore(dir));
    expect(err.message).toContain('invalid at claims');
  });
});

describe('a store newer than this claims', () => {
  it('is refused by readStore and updateStore with both versions named, and left untouched', async () => {
    const text = JSON.stringify({ version: STORE_VERSION + 1, articles: [], claims: [], extra: true });
    await fs.writeFile(storeFile(dir), text);

    for (const attempt of [readStore(dir), updateStore(dir, (d) => void d.claims.push(claim('c1')))]) {
      const err = await caught(attempt);
      expect(err.code).toBe('STORE_TOO_NEW');
      expect(err.message).toContain(`store version ${STORE_VERSION + 1}`);
      expect(err.message).toContain(`up to ${STORE_VERSION}`);
      expect(err.hint).toMatch(/upgrade claims/i);
    }
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(text);
  });
});
