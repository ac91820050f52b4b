// NDJSON input (src/input/ndjson.ts): lines cut from a byte stream with bounded
// memory, and records checked one at a time.
import { describe, expect, it } from 'vitest';
import { ClaimsError } from '../src/errors.js';
import { readRecord, splitLines } from '../src/input/index.js';

async function lines(chunks: (string | Uint8Array)[], maxBytes = 100): Promise<{ number: number; text?: string; tooLong?: number }[]> {
  const out = [];
  for await (const line of splitLines((async function* () { yield* chunks; })(), maxBytes)) {
    out.push(line.bytes ? { number: line.number, text: line.bytes.toString('utf8') } : { number: line.number, tooLong: line.tooLong });
  }
  return out;
}

describe('splitLines', () => {
  it('cuts lines across chunk boundaries, drops CR of CRLF, keeps a last line without a newline', async () => {
    expect(await lines(['{"a"', ':1}\r\n{"b":2}\n', '\n{"c"', ':3}'])).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
      { number: 3, text: '' },
      { number: 4, text: '{"c":3}' },
    ]);
  });

  it('a multi-byte character split between chunks survives', async () => {
    const bytes = Buffer.from('{"t":"Séoul"}\n');
    expect(await lines([bytes.subarray(0, 9), bytes.subarray(9)])).toEqual([{ number: 1, text: '{"t":"Séoul"}' }]);
  });

  it('a line over the limit is skipped (what was seen of it counted), and the next line is read', async () => {
    expect(await lines(['short\n', 'x'.repeat(30), 'y'.repeat(30), '\nafter\n'], 40)).toEqual([
      { number: 1, text: 'short' },
      { number: 2, tooLong: 60 },
      { number: 3, text: 'after' },
    ]);
  });

  it('holds no more than the limit of a line however long it is', async () => {
    // 50 MB on one line with a 1 KB limit: only counted, never kept.
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let lineCount = 0;
    let tooLong = 0;
    async function* huge() {
      for (let i = 0; i < 50; i++) yield chunk;
      yield Buffer.from('\n{"ok":1}\n');
    }
    for await (const line of splitLines(huge(), 1024)) {
      lineCount++;
      if (line.tooLong) tooLong = line.tooLong;
    }
    expect(lineCount).toBe(2);
    expect(tooLong).toBe(50 * 1024 * 1024);
  });
});

describe('readRecord', () => {
  const record = (json: string, maxBytes = 1000) => readRecord({ number: 7, bytes: Buffer.from(json) }, "'feed.ndjson' line 7", maxBytes);
  const errorOf = (json: string): ClaimsError => {
    try {
      record(json);
    } catch (err) {
      if (err instanceof ClaimsError) return err;
      throw err;
    }
    throw new Error('expected a ClaimsError');
  };

  it('reads text with its url, date, title, source and byline; other keys are ignored', () => {
    expect(
      record('{"text":"Title\\r\\nBody","url":"https://news.example/a","date":"2025-02-04T23:30:00-05:00","title":" A  title ","source":"Ledger","byline":"I. Varga","lang":"en","id":42}'),
    ).toEqual({
      text: 'Title\nBody',
      meta: { url: 'https://news.example/a', date: '2025-02-04', title: 'A title', source: 'Ledger', byline: 'I. Varga' },
    });
  });

  it('reads html instead of text; null metadata is no metadata', () => {
    expect(record('{"html":"<p>x</p>","url":null,"date":null,"title":null}')).toEqual({ html: '<p>x</p>', meta: {} });
  });

  it('a blank line is no record', () => {
    expect(record('   ')).toBeNull();
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{text: 1}', /^'feed\.ndjson' line 7 is not valid JSON \(/],
    ['not an object', '["text"]', /is not a JSON object$/],
    ['neither text nor html', '{"url":"https://a.example/"}', /is not an article record: a record needs "text" \(the article\) or "html"/],
    ['both text and html', '{"text":"a","html":"<p>a</p>"}', /and not both/],
    ['text not a string', '{"text":42}', /is not an article record: "text": /],
    ['a relative url', '{"text":"a","url":"/news/a"}', /"url": expected an absolute http\(s\) URL/],
    ['a url of another scheme', '{"text":"a","url":"ftp://a.example/x"}', /"url": expected an absolute http\(s\) URL/],
    ['a date that is not one', '{"text":"a","date":"last Tuesday"}', /has "date": "last Tuesday", which is not a date \(give YYYY-MM-DD or an ISO 8601 time\)/],
    ['empty text', '{"text":"  \\n "}', /has an empty "text"$/],
  ])('refuses %s, naming the line, with an example in the hint', (_name, json, message) => {
    const err = errorOf(json);
    expect(err.code).toBe('INPUT_INVALID');
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(/^each line must be a JSON object such as \{"text": /);
  });

  it('refuses a line that was over the limit', () => {
    expect(() => readRecord({ number: 3, tooLong: 2048 }, 'standard input line 3', 1024)).toThrow(/^standard input line 3 is more than 2 KB, above the limit of 1 KB$/);
  });

  it('refuses invalid UTF-8', () => {
    expect(() => readRecord({ number: 1, bytes: Buffer.from([0x7b, 0xff, 0x7d]) }, 'standard input line 1', 100)).toThrow(/is not valid UTF-8/);
  });
});
