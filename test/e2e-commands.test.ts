// End to end: every command spawned against a temporary store, on articles parsed
// by the real parser.
import { readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreSchema } from '../src/model.js';
import { tempStore } from './helpers/claims.js';
import { claims, cleanEnv, FIXTURES } from './helpers/spawn.js';

const FERRY = path.join(FIXTURES, 'ferry-denial.txt');
const TROOPS = path.join(FIXTURES, 'troops-report.txt');

interface JsonClaim {
  id: string;
  articleId: string;
  stance: string;
  date: string | null;
  sentence: string;
  speaker: { id: string; name: string; mention: string };
}

let store: string;
const inStore = (...args: string[]) => claims(['--store', store, ...args]);
const json = <T>(text: string): T => JSON.parse(text) as T;

beforeAll(async () => {
  store = await tempStore();
  const { code, stdout, stderr } = await inStore('ingest', FERRY, TROOPS);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toMatch(/ferry-denial\.txt: \d+ claims \(\d+ added, 0 already there\)/);
  expect(stdout).toMatch(/Total: \d+ added, 0 already there/);
}, 30_000);

describe('ingest', () => {
  it('stores a valid store with both articles; a second ingest adds nothing and leaves the file as it was', async () => {
    const file = path.join(store, 'store.json');
    const before = await readFile(file, 'utf8');
    const data = StoreSchema.parse(JSON.parse(before));
    expect(data.articles.map((a) => a.title).sort()).toEqual(['Ferry operator denies its vessel was overloaded', 'Ministry says troops were deployed to the border']);
    const again = await inStore('ingest', FERRY, '--json');
    expect(again.code).toBe(0);
    const result = json<{ added: number; existing: number; files: { claims: number }[] }>(again.stdout);
    expect(result.added).toBe(0);
    expect(result.existing).toBe(result.files[0]?.claims);
    expect(result.existing).toBeGreaterThan(0);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('uses CLAIMS_STORE when --store is not given', async () => {
    const other = await tempStore();
    const { code, stdout } = await claims(['ingest', FERRY], { env: cleanEnv({ CLAIMS_STORE: other }) });
    expect(code).toBe(0);
    expect(stdout).toContain(path.join(other, 'store.json'));
    expect((await stat(path.join(other, 'store.json'))).size).toBeGreaterThan(0);
  });

  it('uses XDG_DATA_HOME/claims when neither is given', async () => {
    const xdg = await tempStore();
    const { code } = await claims(['ingest', FERRY], { env: cleanEnv({ XDG_DATA_HOME: xdg }) });
    expect(code).toBe(0);
    expect((await stat(path.join(xdg, 'claims', 'store.json'))).isFile()).toBe(true);
  });
});

describe('list', () => {
  it('lists every claim in a table', async () => {
    const { code, stdout } = await inStore('list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ ID +│ Date +│ Speaker +│ Stance +│ Claim +│/);
    expect(stdout).toContain('denies');
  });

  it.each<[string, string[], (c: JsonClaim) => boolean]>([
    ['--stance denies', ['--stance', 'denies'], (c) => c.stance === 'denies'],
    ['--actor NATO (case-insensitive)', ['--actor', 'nato'], (c) => c.speaker.id === 'nato'],
    ['--since 2025-03-01', ['--since', '2025-03-01'], (c) => c.date !== null && c.date >= '2025-03-01'],
    ['--until 2025-02-28', ['--until', '2025-02-28'], (c) => c.date !== null && c.date <= '2025-02-28'],
    // "deployed" names the bundled deployment topic, so its keywords count too.
    ['--about deployed (stemmed, with the topic)', ['--about', 'deployed'], (c) => /deploy|troops|soldiers|forces/i.test(c.sentence)],
  ])('%s keeps only matching claims', async (_name, args, keep) => {
    const all = json<JsonClaim[]>((await inStore('list', '--json')).stdout);
    const { code, stdout } = await inStore('list', ...args, '--json');
    expect(code).toBe(0);
    const listed = json<JsonClaim[]>(stdout);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(all.length);
    expect(listed.every(keep)).toBe(true);
  });

  it('--article by file name', async () => {
    const { stdout } = await inStore('list', '--article', 'troops-report.txt', '--format', 'ndjson');
    const lines = stdout.trimEnd().split('\n').map((l) => json<JsonClaim>(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((c) => c.articleId)).size).toBe(1);
  });

  it('--format csv', async () => {
    const { stdout } = await inStore('list', '--format', 'csv');
    expect(stdout.split('\r\n')[0]).toMatch(/^"id","articleId","articleTitle","articleDate"/);
  });

  it('an unknown actor is an error with a hint', async () => {
    const { code, stderr } = await inStore('list', '--actor', 'Atlantis Corp');
    expect(code).toBe(1);
    expect(stderr).toBe("error: no actor is called 'Atlantis Corp'\nhint: run 'claims actors' to see every actor with the names and aliases they go by\n");
  });
});

describe('show', () => {
  it('shows a claim by id prefix with the article and the span marked', async () => {
    const all = json<JsonClaim[]>((await inStore('list', '--json', '--stance', 'denies')).stdout);
    const target = all[0] as JsonClaim;
    const { code, stdout } = await inStore('show', target.id.slice(0, 8));
    expect(code).toBe(0);
    expect(stdout).toContain(`Claim ${target.id}`);
    expect(stdout).toMatch(/Stance +denies/);
    expect(stdout).toMatch(/Article +(Ferry operator|Ministry says)/);
    expect(stdout).toMatch(/\[\[.+\]\]/);
    const asJson = await inStore('show', target.id, '--json');
    expect(json<{ claim: JsonClaim }>(asJson.stdout).claim.id).toBe(target.id);
  });

  it('an unknown id is an error', async () => {
    const { code, stderr } = await inStore('show', 'zzzzzz');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: no stored claim has the id 'zzzzzz'\nhint: /);
  });
});

describe('actors', () => {
  it('counts stances per actor, including sources found only in articles', async () => {
    const { code, stdout } = await inStore('actors', '--json');
    expect(code).toBe(0);
    const actors = json<{ id: string; inRegistry: boolean; total: number; counts: Record<string, number> }[]>(stdout);
    const listed = json<JsonClaim[]>((await inStore('list', '--json')).stdout);
    expect(actors.reduce((n, a) => n + a.total, 0)).toBe(listed.length);
    expect(actors.find((a) => a.id === 'nato')).toMatchObject({ inRegistry: true, counts: { unconfirmed: 1 } });
    expect(actors.some((a) => !a.inRegistry && a.total > 0)).toBe(true);
    const table = await inStore('actors');
    expect(table.stdout).toMatch(/│ Actor +│ Also called +│ Asserts │ Denies │ Unconfirmed │/);
  });
});

describe('compare', () => {
  it('--json groups by stance then actor', async () => {
    const { code, stdout } = await inStore('compare', '--about', 'deployment', '--json');
    expect(code).toBe(0);
    const result = json<Record<string, { actor: { name: string }; claims: { date: string | null; evidence: string }[] }[]>>(stdout);
    expect(Object.keys(result)).toEqual(['asserts', 'denies', 'unconfirmed']);
    expect(result.unconfirmed?.map((p) => p.actor.name)).toContain('NATO');
    for (const position of Object.values(result).flat()) {
      expect(position.claims.length).toBeGreaterThan(0);
      for (const c of position.claims) expect(c.evidence.length).toBeGreaterThan(0);
    }
  });

  it('prints three sections for people', async () => {
    const { code, stdout } = await inStore('compare', 'NATO');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Who says what — 1 claim from 1 article/);
    expect(stdout).toMatch(/Asserts: nobody\n\nDenies: nobody\n\nHas not confirmed \(1 actor\)/);
  });
});

describe('export', () => {
  it('JSON by default, with article title and date', async () => {
    const { code, stdout } = await inStore('export');
    expect(code).toBe(0);
    const exported = json<(JsonClaim & { articleTitle: string; articleDate: string })[]>(stdout);
    expect(exported.length).toBeGreaterThan(0);
    for (const c of exported) {
      expect(c.articleTitle).toMatch(/^(Ferry operator|Ministry says)/);
      expect(c.articleDate).toMatch(/^2025-0[23]-1[14]$/);
    }
  });

  it('--format csv --out FILE, refusing to overwrite without --force and refusing the store folder', async () => {
    const dir = await tempStore();
    const out = path.join(dir, 'claims.csv');
    expect((await inStore('export', '--format', 'csv', '--out', out)).code).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^"id",/);
    const again = await inStore('export', '--format', 'csv', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists\nhint: add --force/);
    expect((await inStore('export', '--format', 'ndjson', '--out', out, '--force')).code).toBe(0);
    expect((await readFile(out, 'utf8')).startsWith('{')).toBe(true);
    const intoStore = await inStore('export', '--out', path.join(store, 'store.json'), '--force');
    expect(intoStore.code).toBe(1);
    expect(intoStore.stderr).toMatch(/inside the store folder/);
    StoreSchema.parse(JSON.parse(await readFile(path.join(store, 'store.json'), 'utf8')));
  });
});

describe('a store that is not valid JSON', () => {
  it.each([['ingest', FERRY], ['list'], ['show', 'abc'], ['actors'], ['compare'], ['export']])(
    '%s: clear error naming the file, exit 1, store bytes untouched',
    async (...argv) => {
      const broken = '{"version": 1, "articles": [], "claims": [ {"id": ';
      const dir = await tempStore(broken);
      const { code, stdout, stderr } = await claims(['--store', dir, ...argv]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: .*store\.json/);
      expect(stderr).toMatch(/\nhint: /);
      expect(stderr).not.toMatch(/    at /);
      expect(await readFile(path.join(dir, 'store.json'), 'utf8')).toBe(broken);
    },
  );
});

describe('empty articles and missing files do not touch the store', () => {
  it.each<[string, string | null, RegExp]>([
    ['a missing file', null, /does not exist/],
    ['an empty article', '', /is empty/],
  ])('ingest of %s', async (_name, content, message) => {
    const dir = await tempStore();
    const file = path.join(dir, 'article.txt');
    if (content !== null) await writeFile(file, content);
    const { code, stderr } = await claims(['--store', dir, 'ingest', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    await expect(stat(path.join(dir, 'store.json'))).rejects.toThrow(/ENOENT/);
  });
});
