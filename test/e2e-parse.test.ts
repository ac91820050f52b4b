// End to end: `claims parse` spawned as a user runs it, on articles written for
// these tests and on bad input. Assertions are properties any sensible parser has.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseResultSchema, type ParseResult } from '../src/model.js';
import { claims, FIXTURES } from './helpers/spawn.js';
import { tempStore } from './helpers/claims.js';
import { writeFile } from 'node:fs/promises';

const fixture = (name: string): string => path.join(FIXTURES, name);

async function parseJson(file: string, input?: string | Buffer): Promise<{ result: ParseResult; text: string }> {
  const { code, stdout, stderr } = await claims(['parse', file, '--json'], { input });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const result = ParseResultSchema.parse(JSON.parse(stdout));
  const raw = file === '-' ? String(input) : await readFile(file, 'utf8');
  return { result, text: raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

function expectOffsetsInside(result: ParseResult, text: string): void {
  for (const claim of result.claims) {
    expect(claim.start).toBeLessThanOrEqual(claim.end);
    expect(claim.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(claim.start, claim.end)).toBe(claim.sentence);
  }
}

describe('parse --json on a short news story', () => {
  it('prints schema-valid { article, claims } with the dateline, source and offsets', async () => {
    const { result, text } = await parseJson(fixture('ferry-denial.txt'));
    expect(result.article).toMatchObject({
      title: 'Ferry operator denies its vessel was overloaded',
      date: '2025-03-14',
      origin: fixture('ferry-denial.txt'),
      length: text.length,
    });
    expect(result.article.source).toMatch(/Newswire/);
    expect(result.claims.length).toBeGreaterThanOrEqual(4);
    expectOffsetsInside(result, text);
    for (const claim of result.claims) expect(claim.articleId).toBe(result.article.id);
  });

  it('finds the denial, the assertion, the refusal and the according-to', async () => {
    const { result } = await parseJson(fixture('ferry-denial.txt'));
    const find = (words: string) => result.claims.find((c) => c.sentence.includes(words));
    expect(find('We did not overload the ferry')).toMatchObject({ stance: 'denies' });
    expect(find('We did not overload the ferry')?.date).toBe('2025-03-13'); // "on Thursday" before Friday 14 March
    expect(find('passed an inspection')).toMatchObject({ stance: 'asserts', speaker: { mention: expect.stringMatching(/harbour authority/i) } });
    expect(find('declined to comment')).toMatchObject({ stance: 'unconfirmed', speaker: { mention: expect.stringMatching(/police/i) } });
    expect(find('According to the coastguard')).toMatchObject({ stance: 'asserts', speaker: { mention: expect.stringMatching(/coastguard/i) } });
  });

  it('gives the same claim ids every time (ids come from the text)', async () => {
    const first = await parseJson(fixture('ferry-denial.txt'));
    const second = await parseJson(fixture('ferry-denial.txt'));
    expect(second.result.claims.map((c) => c.id)).toEqual(first.result.claims.map((c) => c.id));
    expect(new Set(first.result.claims.map((c) => c.id)).size).toBe(first.result.claims.length);
  });

  it('resolves a named spokesman and a coordinated dateline format', async () => {
    const { result, text } = await parseJson(fixture('troops-report.txt'));
    expect(result.article.date).toBe('2025-02-11');
    expectOffsetsInside(result, text);
    const said = result.claims.find((c) => c.sentence.includes('two battalions were deployed'));
    expect(said).toMatchObject({ stance: 'asserts', date: '2025-02-10' });
    expect(result.claims.find((c) => c.sentence.includes('denied that its forces'))).toMatchObject({ stance: 'denies' });
    expect(result.claims.find((c) => c.speaker.name === 'NATO')).toMatchObject({ stance: 'unconfirmed' });
  });

  it('finds no claims in a story without attributions, and exits 0', async () => {
    const { result } = await parseJson(fixture('no-claims.txt'));
    expect(result.article.title).toBe('Spring tide floods coastal road');
    expect(result.claims).toEqual([]);
  });
});

describe('parse reads any line ending and standard input alike', () => {
  it('a CRLF file with a BOM gives the claims of the LF file, offsets into the normalised text', async () => {
    const lf = await readFile(fixture('ferry-denial.txt'), 'utf8');
    const dir = await tempStore();
    const crlf = path.join(dir, 'crlf.txt');
    await writeFile(crlf, `\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    const a = await parseJson(fixture('ferry-denial.txt'));
    const b = await parseJson(crlf);
    const shape = (r: ParseResult) => r.claims.map((c) => [c.id, c.stance, c.speaker.id, c.start, c.end, c.sentence]);
    expect(shape(b.result)).toEqual(shape(a.result));
    expectOffsetsInside(b.result, lf);
  });

  it('reads standard input with -', async () => {
    const text = await readFile(fixture('ferry-denial.txt'), 'utf8');
    const { result } = await parseJson('-', text);
    const fromFile = await parseJson(fixture('ferry-denial.txt'));
    expect(result.article.origin).toBe('-');
    expect(result.claims.map((c) => c.id)).toEqual(fromFile.result.claims.map((c) => c.id));
  });

  it('prints a table for people by default', async () => {
    const { code, stdout } = await claims(['parse', fixture('ferry-denial.txt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Ferry operator denies its vessel was overloaded\n2025-03-14 · .*Newswire.* · \d+ claims\n┌/);
    expect(stdout).toMatch(/│ denies +│/);
  });

  it('prints CSV with a header row', async () => {
    const { code, stdout } = await claims(['parse', fixture('ferry-denial.txt'), '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toMatch(/^"id","articleId","articleTitle"/);
  });
});

describe('parse refuses bad input with a message, a hint and exit 1', () => {
  const cases: [string, string | Buffer | null, RegExp][] = [
    ['a missing file', null, /article file '.*missing\.txt' does not exist\nhint: /],
    ['an empty article', '', /is empty: there is no article text to read\nhint: /],
    ['a whitespace-only article', '\n  \r\n\t\n', /is empty/],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), /looks like a binary file/],
    ['invalid UTF-8 (Latin-1)', Buffer.from('Caf\xe9 owner denies fire\n', 'latin1'), /is not valid UTF-8 \(first bad byte at offset 3\)/],
  ];
  it.each(cases)('%s', async (_name, content, message) => {
    const dir = await tempStore();
    const file = path.join(dir, content === null ? 'missing.txt' : 'bad.txt');
    if (content !== null) await writeFile(file, content);
    const { code, stdout, stderr } = await claims(['parse', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/    at /);
  });

  it('an article above --max-bytes', async () => {
    const { code, stderr } = await claims(['parse', fixture('ferry-denial.txt'), '--max-bytes', '100']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/above the limit of 100 bytes\nhint: raise the limit with --max-bytes/);
  });

  it('a 50 MB file, above the default limit, refused at once', async () => {
    const dir = await tempStore();
    const file = path.join(dir, 'huge.txt');
    await writeFile(file, Buffer.alloc(50 * 1024 * 1024, 'All work and no play. '));
    const started = Date.now();
    const { code, stderr } = await claims(['parse', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/is 50 MB, above the limit of 20 MB\nhint: raise the limit with --max-bytes/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an empty standard input', async () => {
    const { code, stderr } = await claims(['parse', '-'], { input: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: standard input is empty/);
  });
});

describe('parse on hostile and awkward text', () => {
  it('keeps escape sequences from an article out of the table and escaped in JSON', async () => {
    const dir = await tempStore();
    const file = path.join(dir, 'evil.txt');
    await writeFile(
      file,
      'Evil\u001b]0;pwned\u0007 title\nMarch 1, 2025\n\n"Everything is fine\u001b[2J\u001b[31m," the spokesman said on Friday.\n\nThe company denied any wrongdoing\u009b31m.\n',
    );
    const table = await claims(['parse', file]);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(table.stdout).toContain('Evil title');
    const json = await claims(['parse', file, '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(JSON.parse(json.stdout).article.title).toBe('Evil\u001b]0;pwned\u0007 title');
  });

  it.each<[string, string]>([
    ['a single 1 MB line', `Long line\n${'The minister said the plan works and the board denied it '.repeat(18_000)}`],
    ['no sentence punctuation', `No punctuation\n${'the mayor said the bridge is safe and police declined to comment '.repeat(200)}`],
    ['unbalanced quotes', 'Quotes\n"We never did it, the company said.\nShe said "yes and "no" and "maybe.\n'],
    ['non-English text', 'Le ministre dément\n14 mars 2025\n\n« Nous n’avons rien fait », a déclaré le ministre vendredi.\n'],
  ])('%s: claims or none, exit 0, offsets inside the text', async (_name, text) => {
    const dir = await tempStore();
    const file = path.join(dir, 'odd.txt');
    await writeFile(file, text);
    const started = Date.now();
    const { code, stdout, stderr } = await claims(['parse', file, '--json'], { timeoutMs: 30_000 });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expectOffsetsInside(ParseResultSchema.parse(JSON.parse(stdout)), text);
  }, 40_000);
});
