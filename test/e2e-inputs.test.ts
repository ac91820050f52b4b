// End to end: real inputs through bin/claims.js and the real parser — saved web
// pages, URLs served on 127.0.0.1 by the test, a folder of 200 articles with a
// broken one, and NDJSON streamed through `claims parse`.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseResultSchema, STORE_VERSION, StoreSchema, type Claim, type ParseResult, type StoreData } from '../src/model.js';
import { dprkStore, tempStore } from './helpers/claims.js';
import { hang, redirect, serve, startServer, type TestServer } from './helpers/server.js';
import { BIN, BUNDLED_ARTICLE, claims, cleanEnv, FIXTURES, ROOT, spawnNode } from './helpers/spawn.js';
import { storeOnDisk } from './helpers/store.js';

const HTML = path.join(FIXTURES, 'html');
const html = (name: string) => path.join(HTML, name);
const storeOf = async (dir: string): Promise<StoreData> => StoreSchema.parse({ ...(await storeOnDisk(dir)), version: STORE_VERSION });

// What the boilerplate around the stories says; none of it may become a claim.
const BOILERPLATE = /This is fake|user123|Doctors say|happy customer|readers say|analysts say|lottery winner|Celebrity chef|Central bank|union denies talks|visitors say|Fishermen|port sale|Portvale_Pete|neighbour said the council|paid them|signed anyway|road funding|new harbour/;

function claimsSaying(result: ParseResult, words: string): Claim | undefined {
  return result.claims.find((c) => c.sentence.includes(words));
}

async function parsePage(file: string): Promise<ParseResult> {
  const { code, stdout, stderr } = await claims(['parse', file, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return ParseResultSchema.parse(JSON.parse(stdout));
}

describe('saved web pages: the story’s claims, not the boilerplate’s, dated by the page’s metadata', () => {
  it('valmore-bridge.html (JSON-LD, OpenGraph, canonical link; no date anywhere in the text)', async () => {
    const result = await parsePage(html('valmore-bridge.html'));
    expect(result.article).toMatchObject({
      title: 'Council denies Valmore bridge is unsafe as engineers raise alarm',
      date: '2025-04-16',
      source: 'The Coastal Courier',
      byline: 'Mara Lindqvist',
      url: 'https://www.coastalcourier.example/news/2025/04/valmore-bridge-unsafe',
      origin: html('valmore-bridge.html'),
    });
    expect(claimsSaying(result, 'has denied that the Valmore bridge is unsafe')).toMatchObject({ stance: 'denies', date: '2025-04-16' });
    // "said on Tuesday" in a story published on Wednesday 16 April.
    expect(claimsSaying(result, 'council leader Petra Ahlberg said on Tuesday')).toMatchObject({ date: '2025-04-15', speaker: { name: 'Petra Ahlberg' } });
    expect(claimsSaying(result, 'Police declined to comment')).toMatchObject({ stance: 'unconfirmed' });
    expect(claimsSaying(result, 'According to the harbour authority')).toMatchObject({ stance: 'asserts' });
    expect(result.claims.length).toBeGreaterThanOrEqual(6);
    for (const claim of result.claims) expect(claim.sentence).not.toMatch(BOILERPLATE);
  });

  it('kestrel-minister.html: the metadata date wins over the dateline in the text', async () => {
    const result = await parsePage(html('kestrel-minister.html'));
    // The text says "KESTREL CITY, Feb 3 (Newswire)"; the page was published on 4 February.
    expect(result.article).toMatchObject({ date: '2025-02-04', source: 'Daily Ledger', byline: 'Ilse Varga, Tomas Reed' });
    expect(claimsSaying(result, 'denied that the government had signed')).toMatchObject({ stance: 'denies', date: '2025-02-03' });
    expect(claimsSaying(result, 'No deal has been signed')).toMatchObject({ speaker: { name: expect.stringMatching(/Aurel Danko/) } });
    expect(claimsSaying(result, 'has not confirmed the reports')).toMatchObject({ stance: 'unconfirmed' });
    for (const claim of result.claims) expect(claim.sentence).not.toMatch(BOILERPLATE);
  });

  it('harbour-strike.html (OpenGraph only)', async () => {
    const result = await parsePage(html('harbour-strike.html'));
    expect(result.article).toMatchObject({ date: '2025-06-02', source: 'Portvale Post', url: 'https://portvalepost.example/2025/06/dock-strike' });
    expect(claimsSaying(result, 'the union said on Sunday')).toMatchObject({ stance: 'asserts', date: '2025-06-01' });
    expect(claimsSaying(result, 'denied that it had refused to negotiate')).toMatchObject({ stance: 'denies' });
    for (const claim of result.claims) expect(claim.sentence).not.toMatch(BOILERPLATE);
  });

  it('ferry-plain.html (no metadata): the date from the dateline, the same claims as the text file', async () => {
    const page = await parsePage(html('ferry-plain.html'));
    expect(page.article.date).toBe('2025-03-14');
    expect(claimsSaying(page, 'We did not overload the ferry')).toMatchObject({ stance: 'denies', date: '2025-03-13' });
  });

  it('offsets refer to the extracted text, which --input-format text shows is not the page', async () => {
    const result = await parsePage(html('harbour-strike.html'));
    for (const claim of result.claims) expect(claim.end - claim.start).toBe(claim.sentence.length);
    const asText = await claims(['parse', html('harbour-strike.html'), '--input-format', 'text', '--json']);
    expect(asText.code).toBe(0);
    expect(ParseResultSchema.parse(JSON.parse(asText.stdout)).article.title).toBe('<html>');
  });
});

describe('URLs, served on 127.0.0.1', () => {
  let server: TestServer;
  beforeAll(async () => {
    const valmore = await readFile(html('valmore-bridge.html'));
    const kestrel = await readFile(html('kestrel-minister.html'));
    server = await startServer({
      '/news/valmore': serve(valmore),
      '/world/kestrel': serve(kestrel),
      '/short-link': redirect('/world/kestrel'),
      '/loop-a': redirect('/loop-b'),
      '/loop-b': redirect('/loop-a'),
      '/slow': hang,
      '/report.pdf': serve(Buffer.from('%PDF-1.7\n...'), 'application/pdf'),
      '/data.json': serve('{"a":1}', 'application/json'),
    });
  });
  afterAll(() => server?.close());

  it('ingest a URL: stored once, with its URL, origin, date and source; again: nothing added; then removed', async () => {
    const store = await tempStore();
    const url = server.url('/news/valmore');
    const first = await claims(['--store', store, 'ingest', url]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')}: \\d+ claims \\(\\d+ added, 0 already there\\) — Council denies Valmore bridge is unsafe`));
    const data = await storeOf(store);
    expect(data.articles).toHaveLength(1);
    expect(data.articles[0]).toMatchObject({
      origin: url,
      url: 'https://www.coastalcourier.example/news/2025/04/valmore-bridge-unsafe',
      date: '2025-04-16',
      source: 'The Coastal Courier',
    });
    expect(data.claims.length).toBeGreaterThanOrEqual(6);
    for (const claim of data.claims) expect(claim.sentence).not.toMatch(BOILERPLATE);

    // The saved page is the same article (same canonical URL): nothing new.
    const again = await claims(['--store', store, 'ingest', html('valmore-bridge.html'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, existing: data.claims.length });
    expect((await storeOf(store)).articles).toHaveLength(1);

    const listed = await claims(['--store', store, 'articles', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ url: 'https://www.coastalcourier.example/news/2025/04/valmore-bridge-unsafe', claims: data.claims.length }]);

    // Removed by the URL it was fetched from: the article and all its claims.
    const removed = await claims(['--store', store, 'remove', '--article', url]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`and its ${data.claims.length} claims.`);
    expect(await storeOf(store)).toMatchObject({ articles: [], claims: [] });
  });

  it('parse a URL that redirects: the canonical link is resolved against where the page was', async () => {
    const { code, stdout } = await claims(['parse', server.url('/short-link'), '--json']);
    expect(code).toBe(0);
    const result = ParseResultSchema.parse(JSON.parse(stdout));
    expect(result.article).toMatchObject({ origin: server.url('/short-link'), url: server.url('/world/2025/02/04/minister-denies-grain-deal.html'), date: '2025-02-04' });
  });

  it.each<[string, string, string[], RegExp, RegExp]>([
    ['a 404', '/gone', [], /answered HTTP 404 Not Found$/, /check the address/],
    ['a redirect loop', '/loop-a', [], /redirects in a loop/, /misconfigured/],
    ['a time-out', '/slow', ['--timeout', '0.5'], /did not answer within 0\.5 s$/, /--timeout/],
    ['a PDF', '/report.pdf', [], /is application\/pdf, not a web page \(HTML\) or plain text$/, /--input-format html/],
    ['JSON', '/data.json', [], /is application\/json, not a web page \(HTML\) or plain text$/, /save other documents as text/],
  ])('%s: a clear message, exit 1, the store unchanged', async (_name, route, args, message, hint) => {
    const store = await tempStore();
    expect((await claims(['--store', store, 'ingest', path.join(FIXTURES, 'ferry-denial.txt')])).code).toBe(0);
    const before = await readFile(path.join(store, 'store.json'), 'utf8');
    const url = server.url(route);
    const { code, stdout, stderr } = await claims(['--store', store, 'ingest', url, ...args]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const [error, hintLine, rest] = stderr.split('\n');
    expect(error).toMatch(new RegExp(`^error: '${url.replace(/[.]/g, '\\.')}' `));
    expect(error).toMatch(message);
    expect(hintLine).toMatch(/^hint: /);
    expect(hintLine).toMatch(hint);
    expect(rest).toBe('');
    expect(await readFile(path.join(store, 'store.json'), 'utf8')).toBe(before);
  });

  it('a bad URL among good inputs: named, the others stored, exit 1', async () => {
    const store = await tempStore();
    const { code, stdout, stderr } = await claims(['--store', store, 'ingest', server.url('/news/valmore'), server.url('/gone'), path.join(FIXTURES, 'ferry-denial.txt')]);
    expect(code).toBe(1);
    expect(stdout).toContain('ferry-denial.txt: ');
    expect(stderr).toContain(`error: '${server.url('/gone')}' answered HTTP 404 Not Found\n`);
    expect(stderr).toContain('Ingested 2 of 3 articles (1 failed)');
    expect((await storeOf(store)).articles).toHaveLength(2);
  });
});

describe('a folder of 200 articles with a broken one', () => {
  it('stores 199, names the broken file on stderr, exits non-zero', async () => {
    const store = await tempStore();
    const folder = path.join(store, 'downloads');
    for (const sub of ['2024', '2025']) await mkdir(path.join(folder, sub), { recursive: true });
    const broken = path.join(folder, '2025', 'story-137.txt');
    for (let n = 1; n <= 200; n++) {
      const file = path.join(folder, n <= 100 ? '2024' : '2025', `story-${String(n).padStart(3, '0')}.txt`);
      const text =
        `Town ${n} approves harbour budget\nMarch 3, 2025\n\n` +
        `The mayor of Town ${n} said on Monday that the harbour budget of ${n} million had been approved.\n\n` +
        `The opposition in Town ${n} denied that the vote was fair.\n`;
      await writeFile(file, file === broken ? Buffer.concat([Buffer.from('PK'), Buffer.from([3, 4, 0, 0, 20, 0])]) : text);
    }
    await writeFile(path.join(folder, 'README.md'), 'not an article'); // other kinds are left out
    const { code, stdout, stderr } = await claims(['--store', store, 'ingest', folder], { timeoutMs: 120_000 });
    expect(code).toBe(1);
    expect(stderr).toContain(`error: '${broken}' looks like a binary file (NUL byte at offset 4), not an article\n`);
    expect(stderr).toContain('Ingested 199 of 200 articles (1 failed): ');
    expect(stderr).toContain('; 1 file of other kinds left out.');
    expect(stderr).toMatch(/\nerror: 1 of 200 articles could not be ingested: '.*story-137\.txt'\nhint: the others were stored/);
    expect(stdout.match(/^.*story-\d{3}\.txt: \d+ claims/gm)).toHaveLength(199);
    const data = await storeOf(store);
    expect(data.articles).toHaveLength(199);
    expect(new Set(data.claims.map((c) => c.articleId)).size).toBe(199);
    expect(data.articles.some((a) => a.origin === broken)).toBe(false);
  }, 120_000);
});

describe('claims parse as a stage of a pipeline: NDJSON in, NDJSON out', () => {
  const recordFor = (n: number) =>
    `${JSON.stringify({ text: `Story ${n}\n\nThe mayor of Town ${n} said on Monday that the bridge is safe.\n`, url: `https://news.example/${n}`, date: '2025-03-04' })}\n`;

  it('writes each record’s claims before the next record arrives', async () => {
    const child = spawn(process.execPath, [BIN, 'parse', '-', '--input-format', 'ndjson', '--format', 'ndjson'], { cwd: ROOT, env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const lineArrived = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (stdout.split('\n').filter(Boolean).length >= n) {
            child.stdout.off('data', onData);
            resolve();
          }
        };
        const onData = (s: string) => {
          stdout += s;
          check();
        };
        child.stdout.on('data', onData);
        check();
      });
    child.stdout.setEncoding('utf8');
    for (let n = 1; n <= 3; n++) {
      child.stdin.write(recordFor(n));
      // The claim of record n is printed while standard input is still open.
      await lineArrived(n);
    }
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Claim);
    expect(lines.map((c) => [c.speaker.mention, c.date])).toEqual([1, 2, 3].map((n) => [`The mayor of Town ${n}`, '2025-03-03']));
  }, 30_000);

  it('| head ends it quietly: no EPIPE trace, exit 0', async () => {
    const dir = await tempStore();
    const input = path.join(dir, 'part-00000.ndjson');
    await writeFile(input, Array.from({ length: 3000 }, (_, i) => recordFor(i)).join(''));
    const result = await new Promise<{ status: string; stderr: string }>((resolve) => {
      const shell = spawn('bash', ['-c', `node "${BIN}" parse - --format ndjson < "${input}" | head -n 2 >/dev/null; echo "\${PIPESTATUS[0]}"`], { env: cleanEnv() });
      let status = '';
      let stderr = '';
      shell.stdout.on('data', (b: Buffer) => (status += b.toString()));
      shell.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      shell.on('close', () => resolve({ status: status.trim(), stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe('0');
  }, 60_000);
});

describe('the new commands and the HTML modules', () => {
  it.each(['articles', 'remove'])('claims %s --help prints usage, options and examples on stdout', async (command) => {
    const { code, stdout, stderr } = await claims([command, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: claims ${command} `));
    expect(stdout).toMatch(/\nExamples:\n {2}\$ claims /);
  });

  /** Which of linkedom and Readability a command loads: from node_modules, or bundled into a dist chunk (recognised by their code). */
  async function htmlModulesLoadedBy(args: string[]): Promise<{ linkedom: boolean; readability: boolean }> {
    const dir = await tempStore(dprkStore());
    const trace = path.join(dir, 'trace.txt');
    await writeFile(trace, '');
    const { code } = await spawnNode(['--import', './test/helpers/trace-imports.mjs', BIN, '--store', dir, ...args], { env: cleanEnv({ CLAIMS_TRACE_FILE: trace }) });
    expect(code).toBe(0);
    const urls = (await readFile(trace, 'utf8')).trim().split('\n');
    const chunks = await Promise.all(urls.filter((u) => u.includes('/dist/')).map((u) => readFile(new URL(u), 'utf8')));
    return {
      linkedom: urls.some((u) => u.includes('/node_modules/linkedom/')) || chunks.some((t) => /\bclass DOMParser\b|\bDOMParser\s*=\s*class\b/.test(t)),
      readability: urls.some((u) => u.includes('/node_modules/@mozilla/readability/')) || chunks.some((t) => /\bfunction Readability\(/.test(t)),
    };
  }

  it.each([[['--help']], [['ingest', '--help']], [['ingest', BUNDLED_ARTICLE]], [['parse', BUNDLED_ARTICLE, '--json']]])(
    'claims %j loads no HTML module (linkedom, Readability)',
    async (args) => {
      expect(await htmlModulesLoadedBy(args)).toEqual({ linkedom: false, readability: false });
    },
  );

  it('claims parse PAGE.html does load them (so the check above can fail)', async () => {
    expect(await htmlModulesLoadedBy(['parse', html('harbour-strike.html'), '--json'])).toEqual({ linkedom: true, readability: true });
  });
});
