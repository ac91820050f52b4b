import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { beforeEach, describe, expect, it } from 'vitest';
import { caught, sampleClaim, useTempDir } from './helpers/store.js';
import type { Claim } from '../src/model.js';
import { readStore, storeFile, updateStore, writeRegistry } from '../src/store/index.js';

const claim = (id: string): Claim => sampleClaim(id, { date: null });

const tempDir = useTempDir('claims-lock-');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});

describe('the store lock', () => {
  it('gives STORE_LOCKED after lockTimeoutMs while another holder keeps it, and works once released', async () => {
    const release = await lockfile.lock(storeFile(dir), { realpath: false });
    try {
      let called = false;
      const started = Date.now();
      const err = await caught(
        updateStore(
          dir,
          (d) => {
            called = true;
            d.claims.push(claim('c1'));
          },
          { lockTimeoutMs: 300 },
        ),
      );
      const waited = Date.now() - started;
      expect(err.code).toBe('STORE_LOCKED');
      expect(err.message).toContain(`${storeFile(dir)} is locked by another claims process (waited 300 ms)`);
      expect(err.hint).toContain(`${storeFile(dir)}.lock`);
      expect(called).toBe(false);
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(3000);
    } finally {
      await release();
    }
    await updateStore(dir, (d) => void d.claims.push(claim('c1')), { lockTimeoutMs: 0 });
    expect((await readStore(dir)).claims).toHaveLength(1);
  });

  it('waits for a holder that releases within the timeout', async () => {
    const release = await lockfile.lock(storeFile(dir), { realpath: false });
    setTimeout(() => void release(), 200);
    await updateStore(dir, (d) => void d.claims.push(claim('c1')), { lockTimeoutMs: 5000 });
    expect((await readStore(dir)).claims.map((c) => c.id)).toEqual(['c1']);
  });

  it('treats a fresh lock left by someone else as held', async () => {
    await fs.mkdir(`${storeFile(dir)}.lock`);
    expect((await caught(updateStore(dir, () => undefined, { lockTimeoutMs: 0 }))).code).toBe('STORE_LOCKED');
  });

  it('recovers a stale lock left by a crashed process', async () => {
    // What a SIGKILLed holder leaves: the lock directory, no longer refreshed.
    const lockDir = `${storeFile(dir)}.lock`;
    await fs.mkdir(lockDir);
    const longAgo = new Date(Date.now() - 60_000);
    await fs.utimes(lockDir, longAgo, longAgo);

    await updateStore(dir, (d) => void d.claims.push(claim('c1')), { lockTimeoutMs: 0 });
    expect((await readStore(dir)).claims.map((c) => c.id)).toEqual(['c1']);
    await expect(fs.stat(lockDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('serialises concurrent updates within one process', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => updateStore(dir, (d) => void d.claims.push(claim(`c${i}`)))),
    );
    const ids = (await readStore(dir)).claims.map((c) => c.id).sort();
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort());
  });

  it('removes temp files orphaned by a killed writer on the next write, and only those', async () => {
    const orphan = `${storeFile(dir)}.123456789`;
    await fs.writeFile(orphan, '{"half": ');
    await fs.writeFile(`${storeFile(dir)}.v0.bak`, '[]');
    await updateStore(dir, (d) => void d.claims.push(claim('c1')));
    expect((await fs.readdir(dir)).sort()).toEqual(['claims', 'store.json', 'store.json.v0.bak']);
  });

  it('the registry has its own lock, with the same timeout behaviour', async () => {
    const release = await lockfile.lock(path.join(dir, 'actors.json'), { realpath: false });
    try {
      const err = await caught(writeRegistry(dir, { version: 1, actors: [] }, { lockTimeoutMs: 100 }));
      expect(err.code).toBe('STORE_LOCKED');
      // Holding the registry lock does not block the store.
      await updateStore(dir, (d) => void d.claims.push(claim('c1')), { lockTimeoutMs: 0 });
    } finally {
      await release();
    }
    await expect(fs.stat(path.join(dir, 'actors.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
