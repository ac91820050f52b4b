// --dedupe on list and compare, and every appearance in show, in-process on a store
// written by hand: one denial repeated by a second article in other words.
import { beforeEach, describe, expect, it } from 'vitest';
import { article, claim, tempStore, type V1Store } from './helpers/claims.js';
import { run } from './helpers/cli.js';

const norvane = ['norvane-chemicals', 'Norvane Chemicals', 'Norvane Chemicals'] as [string, string, string];

function followUpStore(): V1Store {
  return {
    version: 1,
    articles: [
      article({ id: 'day1', title: 'Ministry has not confirmed chemical leak', date: '2025-03-03', origin: 'day1.txt' }),
      article({ id: 'day2', title: 'Norvane repeats denial', date: '2025-03-04', origin: 'day2.txt' }),
    ],
    claims: [
      claim({ id: 'aaaa000000000001', articleId: 'day1', date: '2025-03-03', speaker: norvane, stance: 'denies', content: 'any chemicals had leaked from its plant.', start: 100 }),
      claim({ id: 'bbbb000000000002', articleId: 'day2', date: '2025-03-04', speaker: norvane, stance: 'denies', content: 'any chemicals leaked from its plant.', start: 200 }),
      claim({ id: 'cccc000000000003', articleId: 'day1', date: '2025-03-03', speaker: ['mayor', 'Hanna Orsk'], content: 'chemicals had leaked into the river.', start: 300 }),
    ],
  };
}

let store: string;
beforeEach(async () => {
  store = await tempStore(followUpStore());
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);

interface Deduped {
  id: string;
  repeats: { articles: number; firstDate: string; appearances: { id: string; articleId: string; date: string }[] };
}

describe('list --dedupe', () => {
  it('shows the repeated claim once, at its first appearance, with both appearances', async () => {
    const plain = JSON.parse((await inStore('list', '--json')).stdout) as unknown[];
    expect(plain).toHaveLength(3);
    const { code, stdout } = await inStore('list', '--dedupe', '--json');
    expect(code).toBe(0);
    const deduped = JSON.parse(stdout) as Deduped[];
    expect(deduped.map((c) => c.id)).toEqual(['aaaa000000000001', 'cccc000000000003']);
    expect(deduped[0]?.repeats).toEqual({
      articles: 2,
      firstDate: '2025-03-03',
      appearances: [
        { id: 'aaaa000000000001', articleId: 'day1', date: '2025-03-03' },
        { id: 'bbbb000000000002', articleId: 'day2', date: '2025-03-04' },
      ],
    });
    expect(deduped[1]?.repeats.articles).toBe(1);
  });

  it('a table with an Articles column; CSV with the articles and every appearance', async () => {
    const table = await inStore('list', '--dedupe');
    expect(table.stdout).toMatch(/│ ID +│ Date +│ Speaker +│ Stance +│ Claim +│ Articles │/);
    expect(table.stdout).toMatch(/│ aaaa0000 │ 2025-03-03 │ Norvane Chemicals .*│ +2 │/);
    expect(table.stdout).not.toContain('bbbb0000');
    const csv = (await inStore('list', '--dedupe', '--format', 'csv')).stdout.split('\r\n');
    expect(csv[0]).toMatch(/,"topics","articles","appearances"$/);
    expect(csv[1]).toMatch(/^"aaaa000000000001",.*,2,"aaaa000000000001; bbbb000000000002"$/);
  });
});

describe('compare --dedupe', () => {
  it('counts the repeated denial once', async () => {
    const plain = JSON.parse((await inStore('compare', '--json')).stdout) as { denies: { claims: unknown[] }[] };
    expect(plain.denies[0]?.claims).toHaveLength(2);
    const { stdout } = await inStore('compare', '--dedupe', '--json');
    const deduped = JSON.parse(stdout) as { denies: { claims: Deduped[] }[] };
    expect(deduped.denies[0]?.claims.map((c) => [c.id, c.repeats.articles])).toEqual([['aaaa000000000001', 2]]);
    const table = await inStore('compare', '--dedupe');
    expect(table.stdout).toMatch(/^Who says what — 3 claims from 2 articles \(2 with repeats counted once\)/);
    expect(table.stdout).toMatch(/│ Actor +│ Date +│ Evidence +│ ID +│ Articles │/);
  });
});

describe('show', () => {
  it('lists every appearance of a repeated claim, marking the one shown', async () => {
    const { code, stdout } = await inStore('show', 'bbbb');
    expect(code).toBe(0);
    expect(stdout).toContain('Repeated in 2 articles, first on 2025-03-03:');
    expect(stdout).toMatch(/ {2}2025-03-03 {2}Ministry has not confirmed chemical leak {2}claim aaaa0000\n/);
    expect(stdout).toMatch(/ {2}2025-03-04 {2}Norvane repeats denial {2}claim bbbb0000 {2}← this claim\n/);
    const json = JSON.parse((await inStore('show', 'bbbb', '--json')).stdout) as { appearances: { id: string; articleTitle: string }[] };
    expect(json.appearances.map((a) => [a.id, a.articleTitle])).toEqual([
      ['aaaa000000000001', 'Ministry has not confirmed chemical leak'],
      ['bbbb000000000002', 'Norvane repeats denial'],
    ]);
  });

  it('says nothing of repeats for a claim made once', async () => {
    const { stdout } = await inStore('show', 'cccc');
    expect(stdout).not.toContain('Repeated');
  });
});
