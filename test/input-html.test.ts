// Web pages (src/input/html.ts): the story is found among menus, ads, related links
// and comments, and the page's metadata is read from its head.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../src/input/html.js';
import { isoDayOf } from '../src/input/iso-day.js';
import { FIXTURES } from './helpers/spawn.js';

const page = (name: string) => readFile(path.join(FIXTURES, 'html', name), 'utf8');

// Words that only occur in each page's boilerplate: navigation, ads, related links,
// "most read", newsletters, cookie banners and comments.
const BOILERPLATE = [
  'This is fake', 'user123', 'Subscribe', 'Doctors say', 'ADVERTISEMENT', 'Related stories', 'Most read', 'Recommended for you',
  'newsletter', 'We use cookies', 'Compare energy tariffs', 'Central bank says', 'lottery winner', 'Sponsored', 'Fishermen say',
  'Portvale_Pete', 'Nobody is striking', 'harbourwatcher', 'Markets will rally', 'All rights reserved',
];

describe('the story of a news page, without its boilerplate', () => {
  it.each<[string, string, string[]]>([
    ['valmore-bridge.html', 'Council denies Valmore bridge is unsafe as engineers raise alarm', [
      'The town council has denied that the Valmore bridge is unsafe',
      '"The bridge is sound and it will stay open," council leader Petra Ahlberg said on Tuesday.',
      'Police declined to comment',
      'The council has not confirmed when the next survey will take place.',
    ]],
    ['kestrel-minister.html', 'Minister denies grain export deal was signed', [
      'KESTREL CITY, Feb 3 (Newswire) - The trade minister on Monday denied',
      '"No deal has been signed and none is being negotiated," Minister Aurel Danko told',
      "The northern neighbour's embassy has not confirmed the reports.",
    ]],
    ['harbour-strike.html', 'Dock workers vote to strike over pay', [
      'the union said on Sunday',
      'The port operator denied that it had refused to negotiate.',
      'Local shipping agents said the strike could cost',
    ]],
  ])('%s', async (name, title, sentences) => {
    const extracted = await extractPage(await page(name));
    expect(extracted).not.toBeNull();
    const { text } = extracted!;
    const lines = text.split('\n');
    expect(lines[0]).toBe(title);
    expect(lines[1]).toBe('');
    // The headline is the title line only, not repeated as the first paragraph.
    expect(lines.filter((l) => l === title)).toHaveLength(1);
    for (const sentence of sentences) expect(text).toContain(sentence);
    for (const word of BOILERPLATE) expect(text).not.toContain(word);
    // Paragraphs stay paragraphs: blank lines between them, no stray whitespace.
    expect(text).not.toMatch(/[ \t]\n|\n{3}|  /);
  });
});

describe("the page's metadata", () => {
  it('JSON-LD, OpenGraph and a canonical link (tracking parameters of og:url ignored in favour of the canonical link)', async () => {
    const extracted = await extractPage(await page('valmore-bridge.html'));
    expect(extracted?.meta).toEqual({
      title: 'Council denies Valmore bridge is unsafe as engineers raise alarm',
      date: '2025-04-16',
      source: 'The Coastal Courier',
      byline: 'Mara Lindqvist',
      url: 'https://www.coastalcourier.example/news/2025/04/valmore-bridge-unsafe',
    });
  });

  it('JSON-LD in a @graph with a list of types and of authors; a broken JSON-LD block is ignored', async () => {
    const extracted = await extractPage(await page('kestrel-minister.html'));
    expect(extracted?.meta).toEqual({
      title: 'Minister denies grain export deal was signed',
      date: '2025-02-04',
      source: 'Daily Ledger',
      byline: 'Ilse Varga, Tomas Reed',
    });
  });

  it('a relative canonical link is resolved against the address the page came from', async () => {
    const extracted = await extractPage(await page('kestrel-minister.html'), { baseUrl: 'https://ledger.example/world/x?ref=home' });
    expect(extracted?.meta.url).toBe('https://ledger.example/world/2025/02/04/minister-denies-grain-deal.html');
  });

  it('OpenGraph only: og:site_name, article:published_time as a bare day, meta author, og:url', async () => {
    const extracted = await extractPage(await page('harbour-strike.html'));
    expect(extracted?.meta).toEqual({
      title: 'Dock workers vote to strike over pay',
      date: '2025-06-02',
      source: 'Portvale Post',
      byline: 'Jonas Petrov',
      url: 'https://portvalepost.example/2025/06/dock-strike',
    });
  });

  it("no metadata: the title from <title>, and no date (the text's dateline will give it)", async () => {
    const extracted = await extractPage(await page('ferry-plain.html'));
    expect(extracted?.meta).toEqual({ title: 'Ferry operator denies its vessel was overloaded' });
    expect(extracted?.text).toContain('\n\nMarch 14, 2025\n\n');
  });

  it('block elements become paragraphs, <br> a line break, inline elements run on', async () => {
    const html = '<html><head><title>T</title></head><body><article><p>One <b>bold</b> and <a href="#">linked</a> sentence that is long enough to count as a story paragraph, surely.</p><div>Line one<br>line two, which also has to be long enough for the reader to keep it.</div><ul><li>First item of a list that the reader keeps.</li><li>Second item.</li></ul></article></body></html>';
    const extracted = await extractPage(html);
    expect(extracted?.text.split('\n\n').slice(1)).toEqual([
      'One bold and linked sentence that is long enough to count as a story paragraph, surely.',
      'Line one',
      'line two, which also has to be long enough for the reader to keep it.',
      'First item of a list that the reader keeps.',
      'Second item.\n',
    ]);
  });

  it('a page with no story gives null', async () => {
    expect(await extractPage('<html><head><title>Login</title></head><body><form><input name="user"></form></body></html>')).toBeNull();
  });
});

describe('isoDayOf', () => {
  it.each<[string, string | undefined]>([
    ['2025-04-16', '2025-04-16'],
    ['2025-04-16T23:45:00-05:00', '2025-04-16'], // the day where it was published, not in UTC
    ['2025-04-16T01:00:00+09:00', '2025-04-16'],
    ['2025-02-30', undefined],
    ['Tue, 04 Feb 2025 02:10:00 GMT', '2025-02-04'],
    ['tomorrow', undefined],
    ['', undefined],
  ])('%j → %j', (value, day) => {
    expect(isoDayOf(value)).toBe(day);
  });
});
