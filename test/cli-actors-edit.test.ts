// `claims actors add|alias|merge` in-process: the registry file they write, the
// stored claims they re-resolve, and what they refuse.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import defaults from '../data/actors.json' with { type: 'json' };
import { ActorRegistrySchema, ClaimSchema, type Claim } from '../src/model.js';
import { tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';
import { storeOnDisk } from './helpers/store.js';
import { followUpStore } from './helpers/followup.js';

let store: string;
beforeEach(async () => {
  store = await tempStore(followUpStore());
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);
const registryOnDisk = async () => ActorRegistrySchema.parse(JSON.parse(await readFile(path.join(store, 'actors.json'), 'utf8')));
// The edit splits the version-1 fixture into a manifest and shard files.
const claimsOnDisk = async (): Promise<Claim[]> => (await storeOnDisk(store)).claims.map((c) => ClaimSchema.parse(c));

describe('claims actors add', () => {
  it('writes a valid registry seeded from the bundled actors, and re-resolves claims by mention', async () => {
    const { code, stdout, stderr } = await inStore('actors', 'add', 'Lorvik Council', '--alias', 'Lorvik mayor Hanna Orsk', '--kind', 'group');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Added Lorvik Council (lorvik-council, group) to the registry.\n' +
        'Lorvik Council is now also called “Lorvik mayor Hanna Orsk”.\n' +
        '1 stored claim now names Lorvik Council.\n' +
        `Registry: ${path.join(store, 'actors.json')}\n`,
    );
    const registry = await registryOnDisk();
    expect(registry.actors.slice(0, defaults.actors.length).map((a) => a.id)).toEqual(defaults.actors.map((a) => a.id));
    expect(registry.actors.at(-1)).toEqual({ id: 'lorvik-council', name: 'Lorvik Council', kind: 'group', aliases: ['Lorvik mayor Hanna Orsk'] });
    const mayor = (await claimsOnDisk()).find((c) => c.id === '1c00000000000003');
    expect(mayor?.speaker).toEqual({ id: 'lorvik-council', name: 'Lorvik Council', mention: 'Lorvik mayor Hanna Orsk' });
    // The claim answers to its new actor at once.
    const listed = JSON.parse((await inStore('list', '--actor', 'lorvik council', '--json')).stdout) as Claim[];
    expect(listed.map((c) => c.id)).toEqual(['1c00000000000003']);
  });

  it('--json says what changed', async () => {
    const { stdout } = await inStore('actors', 'add', 'Environment Ministry', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ actor: { id: 'environment-ministry', name: 'Environment Ministry' }, created: true, claimsChanged: 2 });
  });

  it('refuses a name another actor has: exit 1, nothing written', async () => {
    const { code, stdout, stderr } = await inStore('actors', 'add', 'Kremlin');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("error: 'Kremlin' is already a name of Russia (russia)\nhint: give Russia more names with: claims actors alias \"Russia\" ALIAS\n");
    await expect(stat(path.join(store, 'actors.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('claims actors alias', () => {
  it('adds a name to the user’s registry, keeping what is there', async () => {
    await writeFile(path.join(store, 'actors.json'), JSON.stringify({ version: 1, actors: [{ id: 'kcna', name: 'KCNA' }] }));
    expect((await inStore('actors', 'alias', 'kcna', 'Korean Central News Agency')).code).toBe(0);
    expect(await registryOnDisk()).toEqual({ version: 1, actors: [{ id: 'kcna', name: 'KCNA', kind: 'organisation', aliases: ['Korean Central News Agency'] }] });
  });

  it('a source seen only in claims joins the registry with its claims', async () => {
    const { code, stdout } = await inStore('actors', 'alias', 'Hanna Orsk', 'the mayor', '--kind', 'person');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Added Hanna Orsk \(hanna-orsk, person\) to the registry\.\nHanna Orsk is now also called “the mayor”\.\nNo stored claim changed speaker\.\n/);
    expect((await registryOnDisk()).actors.at(-1)).toEqual({ id: 'hanna-orsk', name: 'Hanna Orsk', kind: 'person', aliases: ['the mayor'] });
  });

  it('an unknown actor: exit 1 with a hint to the near miss', async () => {
    const { code, stderr } = await inStore('actors', 'alias', 'Orsk', 'mayor');
    expect(code).toBe(1);
    expect(stderr).toBe("error: no actor is called 'Orsk'\nhint: did you mean 'Hanna Orsk'? Edits need the whole name\n");
  });
});

describe('claims actors merge', () => {
  it('folds one actor into another: registry and claims', async () => {
    const { code, stdout } = await inStore('actors', 'merge', 'Hanna Orsk', 'environment ministry');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Merged Hanna Orsk \(hanna-orsk\) into environment ministry \(environment-ministry, organisation\)\.\n/);
    expect(stdout).toContain('1 stored claim now names environment ministry.');
    const speakers = new Set((await claimsOnDisk()).map((c) => c.speaker.id));
    expect(speakers).toEqual(new Set(['environment-ministry', 'norvane-chemicals']));
    const actors = JSON.parse((await inStore('actors', '--json')).stdout) as { id: string; aliases: string[]; total: number }[];
    expect(actors.find((a) => a.id === 'environment-ministry')).toMatchObject({ aliases: ['Hanna Orsk'], total: 3 });
    expect(actors.some((a) => a.id === 'hanna-orsk')).toBe(false);
  });

  it('refuses to merge an actor into itself', async () => {
    const { code, stderr } = await inStore('actors', 'merge', 'Moscow', 'Russia');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: 'Moscow' and 'Russia' are the same actor \(russia\)/);
  });
});

describe('claims actors', () => {
  it('still lists actors; a stray word is a usage error', async () => {
    expect(JSON.parse((await inStore('actors', '--json')).stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'norvane-chemicals', total: 3 })]));
    const { code, stderr } = await inStore('actors', 'rename', 'x');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: 'rename' is not an actors command\nhint: /);
  });

  it('a store that does not load: no edit, neither file touched', async () => {
    const dir = await tempStore('{"version": 1, "articles": [');
    const { code, stderr } = await run(['--store', dir, 'actors', 'add', 'KCNA']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: .*store\.json is invalid/);
    expect(await readFile(path.join(dir, 'store.json'), 'utf8')).toBe('{"version": 1, "articles": [');
    await expect(stat(path.join(dir, 'actors.json'))).rejects.toThrow(/ENOENT/);
  });
});
