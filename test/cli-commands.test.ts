// The read-only commands in-process through main(argv, io), on stores written by hand.
import { readFile, writeFile, mkdir, symlink, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dprkStore, tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';

let store: string;
beforeEach(async () => {
  store = await tempStore(dprkStore());
  // Plain-word --about here; topic matching has its own test below.
  await writeFile(path.join(store, 'topics.json'), '{ "version": 1, "topics": [] }\n');
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);
const ESC = '\u001b';

describe('--about and topics', () => {
  it('matches a topic name by its keywords, from the topics.json next to the store', async () => {
    const plain = JSON.parse((await inStore('list', '--about', 'harbour', '--json')).stdout) as unknown[];
    await writeFile(path.join(store, 'topics.json'), '{ "version": 1, "topics": [{ "name": "harbour", "keywords": ["troops"] }] }\n');
    const withTopic = JSON.parse((await inStore('list', '--about', 'harbour', '--json')).stdout) as { content: string; sentence: string }[];
    expect(withTopic.length).toBeGreaterThan(plain.length);
    expect(withTopic.every((c) => /harbour|troop/i.test(`${c.content} ${c.sentence}`))).toBe(true);
  });

  it('refuses a topics.json that is not valid, naming the file', async () => {
    await writeFile(path.join(store, 'topics.json'), '{ "version": 1, "topics": [{ "name": "x" }] }\n');
    const { code, stderr } = await inStore('list', '--about', 'x');
    expect(code).toBe(1);
    expect(stderr).toContain('topics.json');
    expect(stderr).toContain('topics[0].keywords');
  });
});

describe('list', () => {
  it('prints a table of every claim, oldest first', async () => {
    const { code, stdout, stderr } = await inStore('list');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const order = ['Seoul NIS', 'DPRK UN rep', 'NATO', 'harbour authority'].map((name) => stdout.indexOf(name));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(stdout).not.toContain(ESC);
  });

  it.each<[string, string[], string[]]>([
    ['--actor by alias, any case', ['--actor', 'national intelligence service'], ['a1b2c3d4e5f60001']],
    ['--actor by mention', ['--actor', 'Robert Wood'], ['c9000000000000005']],
    ['--actor twice', ['--actor', 'NATO', '--actor', 'Seoul NIS'], ['a1b2c3d4e5f60001', 'b7000000000000003']],
    ['--stance', ['--stance', 'denies'], ['a1b2c3d4e5f60002', 'd1000000000000006']],
    ['--since/--until', ['--since', '2024-10-19', '--until', '2024-10-21'], ['a1b2c3d4e5f60002']],
    ['--since a month', ['--since', '2025-03'], ['d1000000000000006']],
    ['--until a year', ['--until', '2024'], ['a1b2c3d4e5f60001', 'a1b2c3d4e5f60002', 'b7000000000000003', 'b7000000000000004', 'c9000000000000005']],
    ['--about, stemmed', ['--about', 'deployed'], ['a1b2c3d4e5f60001', 'b7000000000000003', 'b7000000000000004']],
    ['--article by id', ['--article', 'art-ferry'], ['d1000000000000006']],
    ['--article by file name', ['--article', 'ferry.txt'], ['d1000000000000006']],
    ['--article by id prefix', ['--article', 'art-f'], ['d1000000000000006']],
  ])('%s', async (_name, args, ids) => {
    const { code, stdout } = await inStore('list', ...args, '--json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((c) => c.id)).toEqual(ids);
  });

  it('--format ndjson prints one claim per line', async () => {
    const { stdout } = await inStore('list', '--format', 'ndjson', '--stance', 'denies');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ id: 'a1b2c3d4e5f60002', stance: 'denies' });
  });

  it('--format csv has a header and the article title', async () => {
    const { stdout } = await inStore('list', '--format', 'csv', '--actor', 'NATO');
    const [header, row] = stdout.split('\r\n');
    expect(header).toMatch(/^"id","articleId","articleTitle","articleDate","speakerId"/);
    expect(row).toContain('"North Korea UN representative denies Pyongyang sent troops to Russia"');
  });

  it('says on stderr when nothing matches, and prints no table', async () => {
    const { code, stdout, stderr } = await inStore('list', '--about', 'ransomware');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/No claims match \(the store holds 6\)/);
  });

  it('says how to add claims when the store is empty', async () => {
    const empty = await tempStore();
    const { code, stderr } = await run(['--store', empty, 'list']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/No claims stored yet .*claims ingest/);
  });

  it.each<[string, string[], number, RegExp]>([
    ['an unknown actor', ['--actor', 'Atlantis'], 1, /no actor is called 'Atlantis'/],
    ['an unknown stance', ['--stance', 'maybe'], 2, /Allowed choices are asserts, denies, unconfirmed/],
    ['an impossible date', ['--since', '2024-02-30'], 2, /--since '2024-02-30' is not a date/],
    ['an unknown article', ['--article', 'zzz'], 1, /no stored article has the id 'zzz'/],
    ['an unknown format', ['--format', 'xml'], 2, /Allowed choices are table, json, ndjson, csv/],
    ['--json with another --format', ['--json', '--format', 'csv'], 2, /--json and --format csv ask for different formats/],
  ])('refuses %s', async (_name, args, exit, message) => {
    const { code, stdout, stderr } = await inStore('list', ...args);
    expect(code).toBe(exit);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^error: .*\nhint: /);
  });

  it('reads natural-language dates through chrono-node', async () => {
    const { code, stdout } = await inStore('list', '--since', 'October 20, 2024', '--until', 'Oct 21 2024', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((c) => c.id)).toEqual(['a1b2c3d4e5f60002']);
  });
});

describe('show', () => {
  it('shows a claim by a unique id prefix, with its article and highlighted span', async () => {
    const { code, stdout } = await inStore('show', 'a1b2c3d4e5f60001');
    expect(code).toBe(0);
    expect(stdout).toContain('Seoul NIS (“Seoul\'s intelligence agency”)');
    expect(stdout).toContain('2024-10-18 (from “Friday”)');
    expect(stdout).toContain('North Korea UN representative denies Pyongyang sent troops to Russia');
    expect(stdout).toContain('said Friday that [[Pyongyang sent a "large-scale" troop deployment to help its ally]].');
  });

  it('highlights with colour on a terminal instead of brackets', async () => {
    const { stdout } = await run(['--store', store, 'show', 'c9'], { isTTY: true, env: { TERM: 'xterm' } });
    expect(stdout).toContain(`${ESC}[1m${ESC}[33mWe have seen reports the DPRK has sent forces`);
    expect(stdout).not.toContain('[[');
  });

  it('--json gives the claim and its article', async () => {
    const { stdout } = await inStore('show', 'd1', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ claim: { id: 'd1000000000000006' }, article: { id: 'art-ferry' } });
  });

  it.each<[string, RegExp]>([
    ['a1', /'a1' is the start of 2 claim ids\nhint: give more of the id: a1b2c3d4e5f60001, a1b2c3d4e5f60002/],
    ['ffff', /no stored claim has the id 'ffff'/],
  ])('refuses %j', async (id, message) => {
    const { code, stderr } = await inStore('show', id);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});

describe('actors', () => {
  it('lists registry actors and claim-only actors with counts', async () => {
    const { code, stdout } = await inStore('actors', '--json');
    expect(code).toBe(0);
    const actors = JSON.parse(stdout) as { id: string; counts: Record<string, number>; inRegistry: boolean }[];
    const byId = Object.fromEntries(actors.map((a) => [a.id, a]));
    expect(byId['seoul-nis']).toMatchObject({ inRegistry: true, counts: { asserts: 1, denies: 0, unconfirmed: 0 } });
    expect(byId['harbour-authority']).toMatchObject({ inRegistry: false, counts: { asserts: 0, denies: 1, unconfirmed: 0 } });
    expect(byId['nato']).toBeDefined();
  });

  it('prints a table with aliases', async () => {
    const { stdout } = await inStore('actors');
    expect(stdout).toContain('Seoul NIS');
    expect(stdout).toContain('National Intelligence Service');
    expect(stdout).toMatch(/Asserts.*Denies.*Unconfirmed/);
  });

  it('--format csv', async () => {
    const { stdout } = await inStore('actors', '--format', 'csv');
    expect(stdout.split('\r\n')[0]).toBe('"id","name","kind","inRegistry","aliases","mentions","asserts","denies","unconfirmed","total"');
  });
});

describe('compare', () => {
  it('--json groups by stance then actor', async () => {
    const { code, stdout } = await inStore('compare', '--about', 'deployment', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, { actor: { name: string }; claims: { date: string; evidence: string }[] }[]>;
    expect(Object.keys(result)).toEqual(['asserts', 'denies', 'unconfirmed']);
    expect(result.asserts?.map((p) => p.actor.name)).toEqual(['Seoul NIS']);
    expect(result.asserts?.[0]?.claims[0]).toMatchObject({ date: '2024-10-18', evidence: 'Pyongyang sent a "large-scale" troop deployment to help its ally' });
    expect(result.denies).toEqual([]);
    expect(result.unconfirmed?.map((p) => p.actor.name)).toEqual(['NATO', 'United States']);
  });

  it('limits to the actors named', async () => {
    const { stdout } = await inStore('compare', 'nato', 'harbour authority', '--json');
    const result = JSON.parse(stdout) as Record<string, { actor: { name: string } }[]>;
    expect(result.denies?.map((p) => p.actor.name)).toEqual(['harbour authority']);
    expect(result.unconfirmed?.map((p) => p.actor.name)).toEqual(['NATO']);
    expect(result.asserts).toEqual([]);
  });

  it('prints the three stances for people, saying who is in none', async () => {
    const { stdout } = await inStore('compare', '--about', 'deployment');
    expect(stdout).toMatch(/Who says what about “deployment” — 3 claims from 1 article/);
    expect(stdout).toMatch(/Asserts \(1 actor\)[\s\S]*Seoul NIS[\s\S]*Denies: nobody[\s\S]*Has not confirmed \(2 actors\)[\s\S]*NATO/);
  });

  it('--format csv and ndjson give one row per claim', async () => {
    const csv = await inStore('compare', '--format', 'csv');
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(7);
    const nd = await inStore('compare', '--format', 'ndjson', '--about', 'ferry');
    expect(JSON.parse(nd.stdout)).toMatchObject({ stance: 'denies', actorName: 'harbour authority', claimId: 'd1000000000000006' });
  });

  it('refuses an actor nobody is called', async () => {
    const { code, stderr } = await inStore('compare', 'Atlantis');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no actor is called 'Atlantis'/);
  });
});

describe('export', () => {
  it('prints every claim with its article title and date as JSON by default', async () => {
    const { code, stdout } = await inStore('export');
    expect(code).toBe(0);
    const claims = JSON.parse(stdout) as { id: string; articleTitle: string; articleDate: string }[];
    expect(claims).toHaveLength(6);
    expect(claims.find((c) => c.id === 'd1000000000000006')).toMatchObject({
      articleTitle: 'Harbour authority denies ferry was overloaded',
      articleDate: '2025-03-14',
    });
  });

  it('--out writes a file, and refuses to overwrite it without --force', async () => {
    const out = path.join(store, '..', `${path.basename(store)}-export.csv`);
    const first = await inStore('export', '--format', 'csv', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/Wrote 6 claims to /);
    const written = await readFile(out, 'utf8');
    expect(written.split('\r\n')).toHaveLength(8);

    await writeFile(out, 'precious');
    const second = await inStore('export', '--out', out);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists\nhint: add --force/);
    expect(await readFile(out, 'utf8')).toBe('precious');

    const forced = await inStore('export', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveLength(6);
  });

  it.each<[string, (store: string) => Promise<string>]>([
    ['the store file itself', async (s) => path.join(s, 'store.json')],
    ['a new file in the store folder', async (s) => path.join(s, 'export.json')],
    ['a path that goes through .. back into the store', async (s) => path.join(s, '..', path.basename(s), 'store.json')],
    [
      'a symlink to the store file',
      async (s) => {
        const outside = path.join(s, '..', `${path.basename(s)}-link.json`);
        await symlink(path.join(s, 'store.json'), outside);
        return outside;
      },
    ],
    [
      'a file in a symlinked folder that is the store',
      async (s) => {
        const link = path.join(s, '..', `${path.basename(s)}-dirlink`);
        await symlink(s, link);
        return path.join(link, 'fresh.json');
      },
    ],
  ])('refuses --out into the store: %s, even with --force', async (_name, make) => {
    const before = await readFile(path.join(store, 'store.json'), 'utf8');
    const listing = await readdir(store);
    const { code, stderr } = await inStore('export', '--out', await make(store), '--force');
    expect(code).toBe(1);
    expect(stderr).toMatch(/inside the store folder/);
    expect(await readFile(path.join(store, 'store.json'), 'utf8')).toBe(before);
    expect(await readdir(store)).toEqual(listing);
  });

  it('refuses --out in a folder that does not exist, or onto a folder', async () => {
    const missing = await inStore('export', '--out', path.join(store, '..', 'no-such-dir-xyz', 'x.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/folder of .* does not exist/);
    const dir = path.join(store, '..', `${path.basename(store)}-adir`);
    await mkdir(dir);
    const onto = await inStore('export', '--out', dir, '--force');
    expect(onto.code).toBe(1);
    expect(onto.stderr).toMatch(/is a folder/);
  });

  it('refuses table format', async () => {
    const { code, stderr } = await inStore('export', '--format', 'table');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Allowed choices are json, ndjson, csv/);
  });
});

describe('hostile article text in output', () => {
  it('never prints escape sequences in tables or text, and CSV neutralises formulas', async () => {
    const data = dprkStore();
    const evil = data.claims[0]!;
    evil.content = `=cmd|' /C calc'!A0 ${ESC}]0;pwned\u0007${ESC}[2J`;
    evil.sentence = `${ESC}[31mSeoul said${ESC}[0m ${evil.content}`;
    evil.speaker = { ...evil.speaker, name: `Evil${ESC}[5m Corp\u009b31m` };
    const dir = await tempStore(data);
    for (const argv of [['list'], ['show', evil.id], ['compare'], ['actors'], ['timeline'], ['list', '--dedupe'], ['report', '--format', 'md']]) {
      const { stdout } = await run(['--store', dir, ...argv]);
      expect(stdout, argv.join(' ')).not.toMatch(/[\u001b\u0007\u009b]/);
    }
    const csv = await run(['--store', dir, 'export', '--format', 'csv']);
    expect(csv.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(csv.stdout).toContain(`"'=cmd|' /C calc'!A0`);
    const json = await run(['--store', dir, 'export', '--json']);
    expect(json.stdout).toContain('\\u001b]0;pwned\\u0007');
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});

describe('colour', () => {
  const tty = { isTTY: true, env: { TERM: 'xterm' } };
  it.each<[string, string[], { isTTY: boolean; env: NodeJS.ProcessEnv }, boolean]>([
    ['on a terminal', [], tty, true],
    ['not with --no-color', ['--no-color'], tty, false],
    ['not with NO_COLOR', [], { isTTY: true, env: { TERM: 'xterm', NO_COLOR: '1' } }, false],
    ['not with TERM=dumb', [], { isTTY: true, env: { TERM: 'dumb' } }, false],
    ['not in a pipe', [], { isTTY: false, env: { TERM: 'xterm' } }, false],
  ])('%s', async (_name, flags, io, coloured) => {
    const { stdout } = await run(['--store', store, ...flags, 'list'], io);
    expect(stdout.includes(ESC)).toBe(coloured);
  });
});

describe('help and usage', () => {
  it.each(['parse', 'ingest', 'list', 'show', 'actors', 'compare', 'export', 'topics', 'timeline', 'conflicts', 'report', 'actors add', 'actors alias', 'actors merge'])('%s --help has examples and global options', async (command) => {
    const { code, stdout } = await run([...command.split(' '), '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: claims ${command}`));
    expect(stdout).toMatch(/Examples:\n {2}\$ claims /);
    expect(stdout).toContain('--store <dir>');
    expect(stdout).toContain('--json');
  });

  it('claims --help lists every command', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['parse', 'ingest', 'list', 'show', 'actors', 'compare', 'export', 'topics', 'timeline', 'conflicts', 'report']) expect(stdout).toContain(`  ${command} `);
  });

  it('no command prints help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: claims/);
  });

  it('an unknown command suggests the right one', async () => {
    const { code, stderr } = await run(['lsit']);
    expect(code).toBe(2);
    expect(stderr).toBe("error: unknown command 'lsit' (Did you mean list?)\nhint: run 'claims --help' or 'claims <command> --help' for usage and examples\n");
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('a broken store', () => {
  it.each<[string, string, RegExp]>([
    ['not JSON', '{"version": 1, "articles": [', /store\.json/],
    ['the wrong shape', '{"version": 1, "articles": "no", "claims": []}', /articles/],
    ['a newer version', '{"version": 99, "articles": [], "claims": []}', /99/],
  ])('%s: clear error, exit 1, file untouched', async (_name, content, message) => {
    const dir = await tempStore(content);
    for (const argv of [['list'], ['actors'], ['export'], ['compare'], ['show', 'x'], ['topics'], ['timeline'], ['conflicts'], ['report']]) {
      const { code, stdout, stderr } = await run(['--store', dir, ...argv]);
      expect(code, argv.join(' ')).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: /);
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/\nhint: /);
      expect(stderr).not.toMatch(/    at /);
    }
    expect(await readFile(path.join(dir, 'store.json'), 'utf8')).toBe(content);
  });

  it('--debug adds the stack trace', async () => {
    const dir = await tempStore('not json');
    const { code, stderr } = await run(['--debug', '--store', dir, 'list']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/    at /);
  });
});
