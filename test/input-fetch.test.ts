// Fetching pages (src/input/fetch.ts and readSource on URLs), against a server on
// 127.0.0.1 started here: statuses, redirects, time-outs, size limits, content types.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimsError } from '../src/errors.js';
import { fetchPage, readSource, type InputItem } from '../src/input/index.js';
import { hang, redirect, serve, startServer, type TestServer } from './helpers/server.js';
import { FIXTURES } from './helpers/spawn.js';

let server: TestServer;
let page: string;

beforeAll(async () => {
  page = await readFile(path.join(FIXTURES, 'html', 'kestrel-minister.html'), 'utf8');
  server = await startServer({
    '/story': serve(page),
    '/plain': serve('Harbour closed\nThe harbour master said the harbour is closed.\n', 'text/plain; charset=utf-8'),
    '/latin1': serve(Buffer.from('Caf\xe9 owner denies fire\nThe owner said the caf\xe9 is safe.\n', 'latin1'), 'text/plain; charset=ISO-8859-1'),
    '/pdf': serve(Buffer.from('%PDF-1.7 ...'), 'application/pdf'),
    '/gone': serve('<h1>Gone</h1>', 'text/html', 410),
    '/error': serve('oops', 'text/plain', 503),
    '/moved': redirect('/story', 301),
    '/hop1': redirect('/hop2'),
    '/hop2': (req, res) => redirect(server.url('/story'))(req, res), // absolute
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/chain': redirect('/chain1'),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/chain${i}`, redirect(`/chain${i + 1}`)])),
    '/to-file': redirect('file:///etc/passwd'),
    '/hang': hang,
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The start of a page that never ends');
    },
    '/big-declared': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5_000_000) }).end(),
    '/big-streamed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }); // chunked: no length up front
      const chunk = '<p>filler filler filler filler</p>'.repeat(1000);
      let sent = 0;
      const send = (): void => {
        // Stops by itself after 200 chunks; the client should have given up long before.
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent >= 200) res.end();
        else res.once('drain', send);
      };
      send();
    },
  });
});

afterAll(() => server.close());

const options = { timeoutMs: 5_000, maxBytes: 1_000_000 };

async function fetchError(url: string, opts = options): Promise<ClaimsError> {
  const err = await fetchPage(url, opts).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ClaimsError);
  return err as ClaimsError;
}

async function items(url: string, extra: Partial<Parameters<typeof readSource>[1]> = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readSource(url, { ...options, stdin: Readable.from([]), ...extra })) out.push(item);
  return out;
}

describe('fetchPage', () => {
  it('fetches a page: its bytes, content type and address', async () => {
    const fetched = await fetchPage(server.url('/story'), options);
    expect(Buffer.from(fetched.bytes).toString('utf8')).toBe(page);
    expect(fetched.contentType).toBe('text/html; charset=utf-8');
    expect(fetched.url).toBe(server.url('/story'));
  });

  it('follows redirects, relative and absolute, and reports where it ended', async () => {
    expect((await fetchPage(server.url('/moved'), options)).url).toBe(server.url('/story'));
    expect((await fetchPage(server.url('/hop1'), options)).url).toBe(server.url('/story'));
  });

  it.each<[string, string, RegExp, string, RegExp]>([
    ['a 410', '/gone', /answered HTTP 410 Gone$/, 'FETCH_FAILED', /check the address/],
    ['a 404', '/nowhere', /answered HTTP 404 Not Found$/, 'FETCH_FAILED', /check the address/],
    ['a 503', '/error', /answered HTTP 503 Service Unavailable$/, 'FETCH_FAILED', /try again later/],
    ['a redirect loop', '/loop-a', /redirects in a loop \(.*\/loop-b → .*\/loop-a, which was already visited\)/, 'FETCH_FAILED', /misconfigured/],
    ['too many redirects', '/chain', /redirected more than 5 times/, 'FETCH_FAILED', /final address/],
    ['a redirect to a file: URL', '/to-file', /leads to 'file:\/\/\/etc\/passwd', which is not an http\(s\) address/, 'FETCH_FAILED', /http and https addresses only/],
    ['a declared length above the limit', '/big-declared', /is 4\.8 MB, above the limit of 976\.6 KB/, 'INPUT_TOO_LARGE', /--max-bytes/],
    ['a streamed body above the limit', '/big-streamed', /is more than [\d.]+ [KM]B, above the limit of 976\.6 KB/, 'INPUT_TOO_LARGE', /--max-bytes/],
  ])('%s: a clear error', async (_name, route, message, code, hint) => {
    const err = await fetchError(server.url(route));
    expect(err.message).toMatch(new RegExp(`^'${server.url(route).replace(/[.?]/g, '\\$&')}' `));
    expect(err.message).toMatch(message);
    expect(err.code).toBe(code);
    expect(err.hint).toMatch(hint);
  });

  it('a loop is stopped before the redirect limit, and each address is asked once', async () => {
    const before = server.hits.get('/loop-a') ?? 0;
    await fetchError(server.url('/loop-a'));
    expect((server.hits.get('/loop-a') ?? 0) - before).toBe(1);
  });

  it('a server that never answers: a time-out error', async () => {
    const err = await fetchError(server.url('/hang'), { ...options, timeoutMs: 300 });
    expect(err.message).toMatch(/did not answer within 0\.3 s$/);
    expect(err.hint).toMatch(/--timeout/);
  });

  it('a body that never ends: the same time-out', async () => {
    const err = await fetchError(server.url('/slow-body'), { ...options, timeoutMs: 300 });
    expect(err.message).toMatch(/did not answer within 0\.3 s$/);
  });

  it('a server that is not there: connection refused', async () => {
    const closed = await startServer({});
    const url = closed.url('/story');
    await closed.close();
    const err = await fetchError(url);
    expect(err.message).toMatch(/could not be fetched: connection refused$/);
  });
});

describe('readSource on a URL', () => {
  it('a web page: its story, its metadata, the canonical link resolved against the final address', async () => {
    const [item] = await items(server.url('/moved'));
    if (!item || !('article' in item)) throw new Error(`expected an article, got ${JSON.stringify(item)}`);
    expect(item.origin).toBe(server.url('/moved'));
    expect(item.article.text).toMatch(/^Minister denies grain export deal was signed\n\n/);
    expect(item.article.meta).toMatchObject({ date: '2025-02-04', source: 'Daily Ledger', url: server.url('/world/2025/02/04/minister-denies-grain-deal.html') });
  });

  it('plain text is read as text, and its address becomes the URL', async () => {
    const [item] = await items(server.url('/plain'));
    expect(item).toMatchObject({ article: { text: 'Harbour closed\nThe harbour master said the harbour is closed.\n', meta: { url: server.url('/plain') } } });
  });

  it('a charset named by the server is used to decode', async () => {
    const [item] = await items(server.url('/latin1'));
    expect(item).toMatchObject({ article: { text: expect.stringContaining('Café owner denies fire') } });
  });

  it('a PDF is refused with its content type named', async () => {
    const [item] = await items(server.url('/pdf'));
    expect(item && 'error' in item && (item.error as ClaimsError).message).toBe(`'${server.url('/pdf')}' is application/pdf, not a web page (HTML) or plain text`);
  });

  it('a forced format (--input-format) reads a response whatever the server calls it', async () => {
    const [item] = await items(server.url('/pdf'), { format: 'text' });
    expect(item).toMatchObject({ article: { text: '%PDF-1.7 ...' } });
  });
});
