// End to end: the program as a whole — help, start-up cost, pipes, the demo and
// the bundled article.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dprkStore, tempStore, claim } from './helpers/claims.js';
import { BIN, BUNDLED_ARTICLE, claims, cleanEnv, ROOT, spawnNode } from './helpers/spawn.js';

const COMMANDS = ['parse', 'ingest', 'list', 'show', 'actors', 'compare', 'export', 'topics', 'timeline', 'conflicts', 'report'];

describe('help', () => {
  it.each(COMMANDS)('claims %s --help prints usage, options and examples on stdout', async (command) => {
    const { code, stdout, stderr } = await claims([command, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: claims ${command} `));
    expect(stdout).toMatch(/\nExamples:\n {2}\$ claims /);
  });

  it('no arguments: usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await claims([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: claims \[options\] \[command\]/);
  });

  it('a bad option: one error line, one hint line, exit 2', async () => {
    const { code, stderr } = await claims(['list', '--colour']);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(3);
    expect(stderr).toMatch(/^error: unknown option '--colour'/);
  });
});

describe('modules loaded', () => {
  async function loadedBy(args: string[]): Promise<{ urls: string[]; chunks: string[] }> {
    const dir = await tempStore(dprkStore());
    const trace = path.join(dir, 'trace.txt');
    await writeFile(trace, '');
    const { code } = await spawnNode(['--import', './test/helpers/trace-imports.mjs', BIN, '--store', dir, ...args], {
      env: cleanEnv({ CLAIMS_TRACE_FILE: trace }),
    });
    expect(code).toBe(0);
    const urls = (await readFile(trace, 'utf8')).trim().split('\n');
    const distChunks = urls.filter((u) => u.includes('/dist/'));
    const chunks = await Promise.all(distChunks.map((u) => readFile(new URL(u), 'utf8')));
    return { urls, chunks };
  }
  const hasParser = (chunks: string[]) => chunks.some((text) => /function parseArticle\(/.test(text));
  // chrono-node is bundled into a chunk of its own; its parsing context class marks it.
  const hasChrono = (chunks: string[]) => chunks.some((text) => /\bParsingContext\s*=\s*class\b|class ParsingContext\b/.test(text));
  // Only writes need proper-lockfile and write-file-atomic (src/store/lock.ts, file-io.ts import them then).
  const hasLockfile = (chunks: string[]) => chunks.some((text) => text.includes('Lock file is already being held'));
  const hasAtomicWrite = (chunks: string[]) => chunks.some((text) => /function writeFileAsync\(/.test(text));

  it.each([[['--help']], [['list', '--help']], [['list']], [['compare', '--about', 'troops']], [['timeline']], [['report']]])(
    'claims %j loads neither the parser nor chrono-node, nor the modules only writes need',
    async (args) => {
      const { urls, chunks } = await loadedBy(args);
      expect(urls.some((u) => u.includes('/dist/main.js'))).toBe(true);
      expect(urls.filter((u) => u.includes('chrono-node'))).toEqual([]);
      expect(hasChrono(chunks)).toBe(false);
      expect(hasParser(chunks)).toBe(false);
      expect(hasLockfile(chunks)).toBe(false);
      expect(hasAtomicWrite(chunks)).toBe(false);
    },
  );

  it('claims parse does load the parser (so the check above can fail)', async () => {
    const { chunks } = await loadedBy(['parse', BUNDLED_ARTICLE, '--json']);
    expect(hasParser(chunks)).toBe(true);
    expect(hasChrono(chunks)).toBe(true);
  });

  it('claims ingest does load proper-lockfile and write-file-atomic (so the check above can fail)', async () => {
    const { chunks } = await loadedBy(['ingest', BUNDLED_ARTICLE]);
    expect(hasLockfile(chunks)).toBe(true);
    expect(hasAtomicWrite(chunks)).toBe(true);
  });
});

describe('pipes', () => {
  it('claims … | head ends quietly: no EPIPE trace, exit 0', async () => {
    const data = dprkStore();
    const base = data.claims[0]!;
    data.claims = Array.from({ length: 5000 }, (_, i) => claim({ ...base, id: `e${i.toString(16).padStart(15, '0')}` }));
    const dir = await tempStore(data);
    for (const args of [['export', '--format', 'ndjson'], ['list']]) {
      const result = await new Promise<{ status: string; stderr: string }>((resolve) => {
        const shell = spawn('bash', ['-c', `node "${BIN}" --store "${dir}" ${args.join(' ')} | head -n 2 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
          env: cleanEnv(),
        });
        let status = '';
        let stderr = '';
        shell.stdout.on('data', (b: Buffer) => (status += b.toString()));
        shell.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        shell.on('close', () => resolve({ status: status.trim(), stderr }));
      });
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.status, args.join(' ')).toBe('0');
    }
  }, 30_000);
});

describe('the bundled article', () => {
  it('npm start (scripts/demo.mjs) ingests it and prints who asserts, denies and has not confirmed', async () => {
    const dir = await tempStore();
    const { code, stdout, stderr } = await spawnNode([path.join(ROOT, 'scripts', 'demo.mjs'), dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\$ claims ingest data\/articles\/dprk-troops-denial\.txt\n.*: \d+ claims \(\d+ added, 0 already there\)/);
    expect(stdout).toMatch(/\$ claims compare --about deployment\nWho says what about “deployment”/);
    const again = await spawnNode([path.join(ROOT, 'scripts', 'demo.mjs'), dir]);
    expect(again.stdout).toMatch(/: (\d+) claims \(0 added, \1 already there\)/);
  }, 30_000);

  it('compare --about deployment: Seoul NIS asserts, DPRK UN rep denies, NATO, the US and Russia have not confirmed', async () => {
    const dir = await tempStore();
    expect((await claims(['--store', dir, 'ingest', BUNDLED_ARTICLE])).code).toBe(0);
    const { code, stdout } = await claims(['--store', dir, 'compare', '--about', 'deployment', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, { actor: { id: string; name: string } }[]>;
    const names = (stance: string) => (result[stance] ?? []).map((p) => p.actor.name);
    expect(names('asserts')).toContain('Seoul NIS');
    expect(names('denies')).toContain('DPRK UN rep');
    expect(names('unconfirmed')).toEqual(expect.arrayContaining(['NATO', 'United States', 'Russia']));
    for (const stance of ['asserts', 'unconfirmed']) expect(names(stance)).not.toContain('DPRK UN rep');
  }, 30_000);
});
