import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/model.js';
import { claimSimilarity, contentStems, groupRepeats, jaccard, repeatsOf } from '../src/query/index.js';
import { claim } from './helpers/claims.js';

const veld = ['tomas-veld', 'Tomas Veld', 'company spokesman Tomas Veld'] as [string, string, string];
const ids = (groups: { appearances: Claim[] }[]) => groups.map((g) => g.appearances.map((c) => c.id));

describe('similarity', () => {
  it.each<[string, string, string, number]>([
    ['the same words', 'Our plant is safe', 'our plant is safe.', 1],
    ['function words and inflections do not count', 'any chemicals had leaked from its plant', 'Any chemical leaked from the plant', 1],
    ['one word of five added', 'chemicals leaked into the river from the plant', 'chemicals leaked into the Brenn river from the plant', 0.8],
    ['a negation counts', 'North Korea has sent troops', 'North Korea has not sent troops', 0.8],
    ['different claims', 'the plant is safe', 'the river is polluted', 0],
  ])('%s', (_name, a, b, expected) => {
    expect(jaccard(contentStems(a), contentStems(b))).toBeCloseTo(expected, 5);
  });

  it('compares the quote when there is one', () => {
    const a = claim({ content: 'something else entirely', quote: 'Our plant is safe and the river is clean' });
    const b = claim({ content: 'Our plant is safe and the river is clean', quote: null });
    expect(claimSimilarity(a, b)).toBe(1);
  });
});

describe('groupRepeats', () => {
  it('groups one speaker’s near-identical claims across articles, first appearance first', () => {
    const later = claim({ id: 'later', articleId: 'day2', date: '2025-03-04', speaker: veld, content: 'any chemicals leaked from its plant', stance: 'denies' });
    const first = claim({ id: 'first', articleId: 'day1', date: '2025-03-03', speaker: veld, content: 'any chemicals had leaked from its plant', stance: 'denies' });
    const other = claim({ id: 'other', articleId: 'day1', date: '2025-03-03', speaker: veld, content: 'the river is clean', stance: 'denies', start: 50, end: 70 });
    const groups = groupRepeats([later, other, first]);
    expect(ids(groups)).toEqual([['first', 'later'], ['other']]);
    expect(groups[0]).toMatchObject({ first: { id: 'first' }, articles: 2 });
  });

  it('groups near-identical wordings (similarity ≥ 0.8) but not looser ones', () => {
    const base = claim({ id: 'base', speaker: veld, content: 'chemicals leaked into the river from the plant' });
    const near = claim({ id: 'near', articleId: 'b', speaker: veld, content: 'chemicals leaked into the Brenn river from the plant' });
    const loose = claim({ id: 'loose', articleId: 'c', speaker: veld, content: 'chemicals leaked into the Brenn river from the old plant' });
    expect(ids(groupRepeats([base, near, loose]))).toEqual([['base', 'near'], ['loose']]);
  });

  it('never groups a claim with a different stance or speaker', () => {
    const words = { content: 'chemicals leaked from the plant' };
    const groups = groupRepeats([
      claim({ id: 'u', stance: 'unconfirmed', speaker: ['ministry', 'Ministry'], ...words }),
      claim({ id: 'a', stance: 'asserts', speaker: ['ministry', 'Ministry'], ...words, date: '2025-03-06' }),
      claim({ id: 'm', stance: 'asserts', speaker: ['mayor', 'Mayor'], ...words }),
    ]);
    expect(ids(groups).sort()).toEqual([['a'], ['m'], ['u']]);
  });

  it('claims without content words are the same only when their words are', () => {
    const groups = groupRepeats([claim({ id: 'x', content: 'it is', quote: null }), claim({ id: 'y', content: 'it was', quote: null }), claim({ id: 'z', content: 'It is', quote: null })]);
    expect(ids(groups)).toEqual([['x', 'z'], ['y']]);
  });

  it('finds near-duplicates reliably: 300 generated pairs at similarity 0.8–0.9, each grouped', () => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const claims: Claim[] = [];
    for (let pair = 0; pair < 300; pair++) {
      const size = 8 + Math.floor(random() * 20);
      const picked = new Set<string>();
      while (picked.size < size) picked.add(vocabulary[Math.floor(random() * vocabulary.length)] as string);
      const words = [...picked];
      // Drop one word in ten, at least one: similarity between 0.8 and 0.9.
      const kept = words.slice(0, words.length - Math.max(1, Math.floor(words.length / 10)));
      expect(jaccard(new Set(words), new Set(kept))).toBeGreaterThanOrEqual(0.8);
      const speaker = [`s${pair}`, `S${pair}`] as [string, string];
      claims.push(claim({ id: `p${pair}a`, speaker, content: words.join(' ') }), claim({ id: `p${pair}b`, speaker, articleId: 'other', content: kept.join(' ') }));
    }
    const groups = groupRepeats(claims);
    expect(groups).toHaveLength(300);
    expect(groups.every((g) => g.appearances.length === 2)).toBe(true);
  });

  it('does linear work: 3000 different claims by one speaker need at most 16 checks each, not all pairs', () => {
    const claims = Array.from({ length: 3000 }, (_, i) =>
      claim({ id: `c${i}`, speaker: veld, content: `report ${i} item${i} thing${i * 7} place${i * 13} people${i % 50}` }),
    );
    const stats = { comparisons: 0 };
    const groups = groupRepeats(claims, { stats });
    expect(groups).toHaveLength(3000);
    expect(stats.comparisons).toBeLessThanOrEqual(16 * 3000);
    // All pairs would be 4.5 million.
    expect(stats.comparisons).toBeLessThan(3000 * 2999 / 2 / 100);
  });
});

describe('repeatsOf', () => {
  it('the group of one claim, looked up among the stored claims', () => {
    const a = claim({ id: 'a', articleId: 'd1', date: '2025-03-03', speaker: veld, quote: 'Our plant is safe and the river is clean,' });
    const b = claim({ id: 'b', articleId: 'd2', date: '2025-03-03', speaker: veld, quote: 'Our plant is safe and the river is clean,' });
    const c = claim({ id: 'c', articleId: 'd2', speaker: ['x', 'X'], quote: 'Our plant is safe and the river is clean,' });
    expect(repeatsOf(b, [a, b, c]).appearances.map((x) => x.id)).toEqual(['a', 'b']);
    expect(repeatsOf(c, [a, b, c]).appearances.map((x) => x.id)).toEqual(['c']);
  });
});
