// Store version 2: store.json is a manifest, claims live in one shard file per
// speaker. The hot paths (list --actor, ingest, export) read only what they need;
// every write is shards first, manifest last, so a crash leaves the old store.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caught, sampleArticle, sampleClaim, storeOnDisk, useTempDir } from './helpers/store.js';
import { STORE_VERSION, type Claim, type ParseResult } from '../src/model.js';
import { ingestParsed, openStore, readClaims, readStore, storeFile, streamClaims, updateStore } from '../src/store/index.js';
import { shardBaseName } from '../src/store/store-file.js';

const nato = { id: 'nato', name: 'NATO', mention: 'the alliance' };
const kcna = { id: 'kcna', name: 'KCNA', mention: 'state media' };
const claim = (id: string, speaker = nato, overrides: Partial<Claim> = {}): Claim => sampleClaim(id, { speaker, ...overrides });
const parsed = (articleId: string, claims: Claim[]): ParseResult => ({
  article: sampleArticle(articleId),
  claims: claims.map((c) => ({ ...c, articleId })),
});

const tempDir = useTempDir('claims-shards-');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});

async function seed(): Promise<void> {
  await ingestParsed(dir, [parsed('a1', [claim('n1'), claim('n2'), claim('k1', kcna), claim('s1', sampleClaim('x').speaker)])]);
}

describe('the version-2 layout', () => {
  it('keeps the articles and a shard index in store.json, and each speaker’s claims in a file of its own', async () => {
    await seed();
    const manifest = JSON.parse(await fs.readFile(storeFile(dir), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      version: STORE_VERSION,
      generation: 1,
      articles: [{ id: 'a1' }],
      shards: {
        nato: { file: 'claims/nato.g1.json', claims: 2, names: ['NATO', 'the alliance'] },
        kcna: { file: 'claims/kcna.g1.json', claims: 1 },
        'seoul-nis': { file: 'claims/seoul-nis.g1.json', claims: 1 },
      },
    });
    const shard = JSON.parse(await fs.readFile(path.join(dir, 'claims/nato.g1.json'), 'utf8')) as { speakerId: string; claims: Claim[] };
    expect(shard.speakerId).toBe('nato');
    expect(shard.claims.map((c) => c.id)).toEqual(['n1', 'n2']);
  });

  it('names shard files after the speaker id, made safe, with a hash when the id had to change', () => {
    expect(shardBaseName('seoul-nis')).toBe('seoul-nis');
    expect(shardBaseName('Seoul NIS')).toMatch(/^seoul-nis-[0-9a-f]{8}$/);
    expect(shardBaseName('../../etc')).toMatch(/^etc-[0-9a-f]{8}$/);
    expect(shardBaseName('ß')).toMatch(/^speaker-[0-9a-f]{8}$/);
    expect(shardBaseName('x'.repeat(200)).length).toBeLessThanOrEqual(48 + 9);
    expect(shardBaseName('A b')).not.toBe(shardBaseName('a-b'));
  });
});

describe('reading', () => {
  it('readClaims reads only the shards of the speakers asked for', async () => {
    await seed();
    // A broken shard of another speaker does not matter to this read.
    await fs.writeFile(path.join(dir, 'claims/kcna.g1.json'), 'not json');
    expect((await readClaims(dir, { speakerIds: ['nato', 'nobody'] })).map((c) => c.id)).toEqual(['n1', 'n2']);
    const snapshot = await openStore(dir);
    expect(snapshot.claimCount).toBe(4);
    expect(snapshot.speakers.map((s) => s.id).sort()).toEqual(['kcna', 'nato', 'seoul-nis']);
    expect(snapshot.articles.map((a) => a.id)).toEqual(['a1']);
  });

  it('streamClaims yields every claim, shard by shard, and readStore has them all', async () => {
    await seed();
    const streamed: string[] = [];
    for await (const c of streamClaims(dir)) streamed.push(c.id);
    expect(streamed.sort()).toEqual(['k1', 'n1', 'n2', 's1']);
    expect((await readStore(dir)).claims.map((c) => c.id).sort()).toEqual(['k1', 'n1', 'n2', 's1']);
  });

  it('reads a version-1 store in memory, and writes nothing', async () => {
    const v1 = JSON.stringify({ version: 1, articles: [sampleArticle('a1')], claims: [claim('n1'), claim('k1', kcna)] });
    await fs.writeFile(storeFile(dir), v1);
    expect((await readClaims(dir, { speakerIds: ['kcna'] })).map((c) => c.id)).toEqual(['k1']);
    const streamed: string[] = [];
    for await (const c of streamClaims(dir)) streamed.push(c.id);
    expect(streamed.sort()).toEqual(['k1', 'n1']);
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(v1);
    expect(await fs.readdir(dir)).toEqual(['store.json']);
  });
});

describe('ingestParsed', () => {
  it('adds an article once and claims once by id, like mergeAll', async () => {
    expect(await ingestParsed(dir, [parsed('a1', [claim('n1'), claim('k1', kcna)])])).toMatchObject([{ added: 2, existing: 0 }]);
    const manifest = await fs.readFile(storeFile(dir), 'utf8');
    expect(await ingestParsed(dir, [parsed('a1', [claim('n1'), claim('k1', kcna)])])).toMatchObject([{ added: 0, existing: 2 }]);
    // Nothing changed, so nothing was written.
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(manifest);
    expect(await ingestParsed(dir, [parsed('a1', [claim('n1'), claim('n3')])])).toMatchObject([{ added: 1, existing: 1 }]);
    const data = await readStore(dir);
    expect(data.articles).toHaveLength(1);
    expect(data.claims.map((c) => c.id).sort()).toEqual(['k1', 'n1', 'n3']);
  });

  // Claims reach the store with their shard text made where they were parsed; one
  // filed under another article must have that text made again, field for field.
  it('files a new claim of a text stored under another id under that id, in its shard text too', async () => {
    const sameText = (id: string, claims: Claim[]): ParseResult => {
      const result = parsed(id, claims);
      result.article.textHash = 'same-text';
      return result;
    };
    const late = claim('n9', nato, { quote: 'we “never” said so', topics: ['x'], dateText: null });
    // In one batch (a new store), and in a later write (a sharded store).
    for (const batches of [[[sameText('text-id', [claim('n1')]), sameText('url-id', [claim('n1'), late])]], [[sameText('text-id', [claim('n1')])], [sameText('url-id', [late])]]]) {
      const sub = await fs.mkdtemp(path.join(dir, 's-'));
      for (const batch of batches) await ingestParsed(sub, batch);
      const bytes = await fs.readFile(path.join(sub, (await storeOnDisk(sub)).files.find((f) => f.includes('nato'))!), 'utf8');
      const shard = JSON.parse(bytes) as { speakerId: string; claims: Claim[] };
      expect(shard.claims).toEqual([claim('n1', nato, { articleId: 'text-id' }), { ...late, articleId: 'text-id' }]);
      expect(Object.keys(shard.claims[1]!)).toEqual(Object.keys(late));
      expect(bytes).toBe(`${JSON.stringify(shard, null, 2)}\n`);
    }
  });

  it('rewrites only the shards of the speakers it adds claims for', async () => {
    await seed();
    await ingestParsed(dir, [parsed('a2', [claim('n9')])]);
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.files.sort()).toEqual(['claims/kcna.g1.json', 'claims/nato.g2.json', 'claims/seoul-nis.g1.json']);
    expect(onDisk.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    // The replaced file stays until the next write (a reader may still want it), then goes.
    expect((await fs.readdir(path.join(dir, 'claims'))).sort()).toEqual(['kcna.g1.json', 'nato.g1.json', 'nato.g2.json', 'seoul-nis.g1.json']);
    await ingestParsed(dir, [parsed('a3', [claim('k9', kcna)])]);
    expect((await fs.readdir(path.join(dir, 'claims'))).sort()).toEqual(['kcna.g1.json', 'kcna.g3.json', 'nato.g2.json', 'seoul-nis.g1.json']);
  });

  it('a changed page at a stored id replaces its claims in every shard, not only the quoted speakers’', async () => {
    await ingestParsed(dir, [parsed('a1', [claim('n1'), claim('k1', kcna)])]);
    const changed = parsed('a1', [claim('n5')]);
    changed.article.textHash = 'new-text';
    expect(await ingestParsed(dir, [changed])).toEqual([{ articleId: 'a1', added: 1, existing: 0, replaced: 2 }]);
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.claims.map((c) => c.id)).toEqual(['n5']);
    expect(onDisk.files).toEqual(['claims/nato.g2.json']);
    expect(onDisk.articles).toMatchObject([{ id: 'a1', textHash: 'new-text' }]);
  });

  it('upgrades a version-1 store on its first write, keeping store.json.v1.bak', async () => {
    const v1 = JSON.stringify({ version: 1, articles: [sampleArticle('a1')], claims: [claim('n1'), claim('k1', kcna)] });
    await fs.writeFile(storeFile(dir), v1);
    expect(await ingestParsed(dir, [parsed('a2', [claim('n2')])])).toMatchObject([{ added: 1, existing: 0 }]);
    expect(await fs.readFile(`${storeFile(dir)}.v1.bak`, 'utf8')).toBe(v1);
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.version).toBe(STORE_VERSION);
    expect(onDisk.claims.map((c) => c.id).sort()).toEqual(['k1', 'n1', 'n2']);
    expect(onDisk.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});

describe('crash ordering', () => {
  it('a shard written by a process killed before its manifest is invisible, and the next write removes it', async () => {
    await seed();
    // What a killed ingest leaves: the next generation's shard, and a half-written temp file.
    await fs.writeFile(path.join(dir, 'claims/nato.g2.json'), JSON.stringify({ speakerId: 'nato', claims: [claim('ghost')] }));
    await fs.writeFile(path.join(dir, 'claims/kcna.g2.json.123456'), '{"speakerId": "kc');
    expect((await readStore(dir)).claims.map((c) => c.id).sort()).toEqual(['k1', 'n1', 'n2', 's1']);
    expect(await readClaims(dir, { speakerIds: ['nato'] })).toHaveLength(2);

    await ingestParsed(dir, [parsed('a2', [claim('s2', sampleClaim('x').speaker)])]);
    const names = await fs.readdir(path.join(dir, 'claims'));
    expect(names).not.toContain('kcna.g2.json.123456');
    expect(names).not.toContain('nato.g2.json');
    expect((await readStore(dir)).claims.map((c) => c.id).sort()).toEqual(['k1', 'n1', 'n2', 's1', 's2']);
  });

  it('a manifest whose shard file is missing is reported, naming the file and the speaker', async () => {
    await seed();
    await fs.rm(path.join(dir, 'claims/kcna.g1.json'));
    const err = await caught(readStore(dir));
    expect(err.code).toBe('STORE_INVALID');
    expect(err.message).toContain(path.join(dir, 'claims/kcna.g1.json'));
    expect(err.message).toContain('kcna');
  });

  it('claims moved between speakers (actors merge) are all-or-nothing: new files, then the manifest', async () => {
    await seed();
    await updateStore(dir, (data) => {
      data.claims = data.claims.map((c) => (c.speaker.id === 'kcna' ? { ...c, speaker: nato } : c));
    });
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.files.sort()).toEqual(['claims/nato.g2.json', 'claims/seoul-nis.g1.json']);
    expect((await readClaims(dir, { speakerIds: ['nato'] })).map((c) => c.id).sort()).toEqual(['k1', 'n1', 'n2']);
  });
});

describe('an invalid shard', () => {
  it('is reported with its file and JSON path, and nothing is written', async () => {
    await seed();
    const file = path.join(dir, 'claims/nato.g1.json');
    const shard = JSON.parse(await fs.readFile(file, 'utf8')) as { claims: Record<string, unknown>[] };
    shard.claims[1]!.stance = 'perhaps';
    const broken = JSON.stringify(shard, null, 2);
    await fs.writeFile(file, broken);
    const manifest = await fs.readFile(storeFile(dir), 'utf8');

    for (const attempt of [() => readStore(dir), () => readClaims(dir, { speakerIds: ['nato'] }), () => ingestParsed(dir, [parsed('a2', [claim('n5')])])]) {
      const err = await caught(attempt());
      expect(err.code).toBe('STORE_INVALID');
      expect(err.message).toContain(`${file} is invalid at claims[1].stance`);
      expect(err.hint).toContain('"nato" entry');
    }
    expect(await fs.readFile(file, 'utf8')).toBe(broken);
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(manifest);
  });

  it('holding another speaker’s claim is reported at that claim’s speaker id', async () => {
    await seed();
    const file = path.join(dir, 'claims/kcna.g1.json');
    await fs.writeFile(file, JSON.stringify({ speakerId: 'kcna', claims: [claim('k1', nato)] }));
    const err = await caught(readClaims(dir, { speakerIds: ['kcna'] }));
    expect(err.message).toContain(`${file} is invalid at claims[0].speaker.id`);
  });

  it('a JSON syntax error is located by line and column', async () => {
    await seed();
    const file = path.join(dir, 'claims/kcna.g1.json');
    await fs.writeFile(file, '{\n  "speakerId": "kcna",\n  "claims": [,]\n}\n');
    const err = await caught(readStore(dir));
    expect(err.message).toContain(`${file} is invalid at line 3, column 14`);
  });
});

describe('a manifest newer than this claims', () => {
  it('is refused and left untouched', async () => {
    const text = JSON.stringify({ version: STORE_VERSION + 1, generation: 1, articles: [], shards: {} });
    await fs.writeFile(storeFile(dir), text);
    for (const attempt of [() => readStore(dir), () => openStore(dir), () => ingestParsed(dir, [parsed('a1', [claim('n1')])])]) {
      expect((await caught(attempt())).code).toBe('STORE_TOO_NEW');
    }
    expect(await fs.readFile(storeFile(dir), 'utf8')).toBe(text);
  });
});
