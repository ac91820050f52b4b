// `claims report` in-process on the hand-written follow-up store, plus an article
// whose text tries to inject markup.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { article, claim, tempStore, type V1Store } from './helpers/claims.js';
import { run } from './helpers/cli.js';
import { FOLLOWUP_TOPICS, followUpStore } from './helpers/followup.js';

const INJECTION = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';

function storeWithHostileArticle(): V1Store {
  const data = followUpStore();
  data.articles.push(article({ id: 'evil', title: `Hostile ${INJECTION}`, date: '2025-03-05', origin: 'evil.txt' }));
  data.claims.push(
    claim({
      id: '4e00000000000007', articleId: 'evil', date: '2025-03-05', speaker: ['prankster', `Prank${INJECTION}`, 'Prankster'], stance: 'asserts',
      content: `the leak ${INJECTION} was staged`, quote: `no leak ${INJECTION}`, sentence: `"no leak ${INJECTION}," the prankster said of the leak.`,
    }),
  );
  return data;
}

let store: string;
beforeEach(async () => {
  store = await tempStore(storeWithHostileArticle());
  await writeFile(path.join(store, 'topics.json'), JSON.stringify(FOLLOWUP_TOPICS));
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);

describe('claims report (HTML)', () => {
  it('one self-contained page: matrix, SVG chart, conflicts, every claim with its evidence, linked', async () => {
    const { code, stdout: page } = await inStore('report');
    expect(code).toBe(0);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    // The matrix: a row per actor, counts per stance.
    expect(page).toMatch(/<table class="matrix">.*<th scope="row"><a href="#actor-norvane-chemicals">Norvane Chemicals<\/a><\/th><td class="asserts zero">·<\/td><td class="denies">3<\/td>/s);
    // The chart: inline SVG, a mark per dated claim linking to the claim, a ring on the change of stance.
    const svg = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="timeline-chart".*?<\/svg>/s.exec(page)?.[0] ?? '';
    expect(svg).not.toBe('');
    expect(svg.match(/<a href="#claim-[0-9a-f]+" class="mark /g)).toHaveLength(7);
    expect(svg.match(/class="change"/g)).toHaveLength(1);
    expect(svg).toContain('environment ministry · 2025-03-06 · unconfirmed → asserts');
    // Changes, conflicts and repeats link to claims; every claim is there with its evidence and article.
    expect(page).toMatch(/<span class="change">unconfirmed → asserts<\/span> on 2025-03-06/);
    expect(page).toMatch(/<article class="conflict" id="conflict-1"><h3>leak: <a href="#actor-hanna-orsk">Hanna Orsk<\/a> asserts, <a href="#actor-norvane-chemicals">Norvane Chemicals<\/a> denies<\/h3>/);
    expect(page).toContain('— 2 articles, first on 2025-03-03: <a href="#claim-1b00000000000002">1b000000</a>, <a href="#claim-2b00000000000004">2b000000</a>');
    for (const id of ['1a00000000000001', '1b00000000000002', '1c00000000000003', '2b00000000000004', '3a00000000000005', '3b00000000000006']) {
      expect(page).toContain(`<article class="claim `);
      expect(page).toContain(`id="claim-${id}"`);
    }
    expect(page).toContain('<blockquote>The environment ministry confirmed on Thursday that <mark>chemicals leaked from the plant into the Brenn river.</mark></blockquote>');
    expect(page).toContain('<li id="article-day3"><strong>Ministry confirms chemicals leaked from Norvane plant</strong>');
    // Every in-page link has its target.
    const targets = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !targets.has(l))).toEqual([]);
  });

  it('escapes article text: no <script>, no injected element, nothing to fetch', async () => {
    const { stdout: page } = await inStore('report');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<title>Claims report</title>');
    expect(page).toContain('Hostile &lt;script&gt;');
    // Nothing is loaded from elsewhere (the SVG namespace is a name, not a fetch), and the browser is told so.
    expect(page.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|url\(/i);
    expect(page).not.toMatch(/<[a-z][^>]*\s(?:src|srcset|data)=/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('--topic limits everything to the topic; --out writes a file and honours --force and the store folder', async () => {
    const out = path.join(await tempStore(), 'report.html');
    const first = await inStore('report', '--topic', 'leak', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Wrote a report of 7 claims to ${out}\n`);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<h1>Claims report — leak</h1>');
    const again = await inStore('report', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists\nhint: add --force/);
    expect((await inStore('report', '--out', out, '--force', '--topic', 'fishing')).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('<h1>Claims report — fishing</h1>');
    const intoStore = await inStore('report', '--out', path.join(store, 'report.html'));
    expect(intoStore.code).toBe(1);
    expect(intoStore.stderr).toMatch(/inside the store folder/);
  });
});

describe('claims report --format md', () => {
  it('the same sections in Markdown, article text escaped', async () => {
    const { code, stdout } = await inStore('report', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Claims report\n\n7 claims by 4 actors in 4 articles, from 2025-03-02 to 2025-03-06\.\n/);
    expect(stdout).toContain('| [Norvane Chemicals](#actor-norvane-chemicals) | · | 3 | · | 3 |');
    expect(stdout).toContain('- [environment ministry](#actor-environment-ministry) — **unconfirmed → asserts** on 2025-03-06');
    expect(stdout).toContain('### leak: Hanna Orsk asserts, Norvane Chemicals denies');
    expect(stdout).toContain('> The environment ministry confirmed on Thursday that chemicals leaked from the plant into the Brenn river.');
    expect(stdout).not.toMatch(/<script|<img/i);
    expect(stdout).toContain('&lt;script&gt;alert("pwned")&lt;/script&gt;');
  });
});

describe('claims report --json', () => {
  it('is the report as data', async () => {
    const report = JSON.parse((await inStore('report', '--json', '--topic', 'leak')).stdout) as {
      topic: string; matrix: unknown[]; timelines: { changes: unknown[] }[]; conflicts: unknown[]; repeats: unknown[];
    };
    expect(report.topic).toBe('leak');
    expect(report.matrix).toHaveLength(4);
    expect(report.timelines.flatMap((t) => t.changes)).toHaveLength(1);
    expect(report.conflicts).toHaveLength(3);
    expect(report.repeats).toHaveLength(1);
  });
});
