import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/model.js';
import { briefEvidence, filterClaims, sortClaims, withArticles, type ClaimFilter } from '../src/query/index.js';
import { article, claim, dprkClaims } from './helpers/claims.js';

const claims = dprkClaims();
const ids = (list: Claim[]): string[] => list.map((c) => c.id);

describe('filterClaims', () => {
  it.each<[string, ClaimFilter, string[]]>([
    ['no filter keeps everything', {}, ids(claims)],
    ['by stance', { stances: ['denies'] }, ['a1b2c3d4e5f60002', 'd1000000000000006']],
    ['by two stances', { stances: ['denies', 'asserts'] }, ['a1b2c3d4e5f60001', 'a1b2c3d4e5f60002', 'd1000000000000006']],
    ['by actor id', { actorIds: new Set(['nato']) }, ['b7000000000000003']],
    ['since is inclusive', { since: '2024-10-22' }, ['b7000000000000003', 'b7000000000000004', 'c9000000000000005', 'd1000000000000006']],
    ['until is inclusive', { until: '2024-10-18' }, ['a1b2c3d4e5f60001']],
    ['since and until', { since: '2024-10-19', until: '2024-10-21' }, ['a1b2c3d4e5f60002']],
    ['about, stemmed: "deployed" finds "deployment"', { about: 'deployed' }, ['a1b2c3d4e5f60001', 'b7000000000000003', 'b7000000000000004']],
    ['about needs every word', { about: 'troop deployment' }, ['a1b2c3d4e5f60001']],
    ['about ignores stop words and case', { about: 'The TROOPS' }, ['a1b2c3d4e5f60001', 'a1b2c3d4e5f60002']],
    ['about finds words in the sentence, not only the content', { about: 'Security Council' }, ['c9000000000000005']],
    ['about with no match', { about: 'ransomware' }, []],
    ['by article', { articleIds: new Set(['art-ferry']) }, ['d1000000000000006']],
    ['filters combine', { stances: ['unconfirmed'], about: 'deployment' }, ['b7000000000000003', 'b7000000000000004']],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filterClaims(claims, filter))).toEqual(expected);
  });

  it('drops undated claims when a date bound is set, keeps them otherwise', () => {
    const undated = claim({ date: null });
    expect(filterClaims([undated], { since: '1900-01-01' })).toEqual([]);
    expect(filterClaims([undated], { until: '2999-01-01' })).toEqual([]);
    expect(filterClaims([undated], {})).toEqual([undated]);
  });

  it('matches topics too', () => {
    const topical = claim({ content: 'we did not do it', sentence: '"We did not do it," he said.', topics: ['troop deployment'] });
    expect(filterClaims([topical], { about: 'deployed' })).toEqual([topical]);
  });
});

describe('sortClaims', () => {
  it('orders by date, undated last, then article, then offset', () => {
    const a = claim({ id: 'a', date: '2024-10-22', articleId: 'x', start: 50 });
    const b = claim({ id: 'b', date: '2024-10-22', articleId: 'x', start: 10 });
    const c = claim({ id: 'c', date: null });
    const d = claim({ id: 'd', date: '2024-10-01', articleId: 'z' });
    const e = claim({ id: 'e', date: '2024-10-22', articleId: 'w', start: 99 });
    expect(ids(sortClaims([a, b, c, d, e]))).toEqual(['d', 'e', 'b', 'a', 'c']);
  });
});

describe('withArticles', () => {
  it("adds the article's title and date, null when the article is missing", () => {
    const [first] = withArticles([claim({ articleId: 'art-dprk' }), claim({ articleId: 'gone' })], [article()]).map((c) => [c.articleTitle, c.articleDate]);
    expect(first).toEqual(['North Korea UN representative denies Pyongyang sent troops to Russia', '2024-10-22']);
    expect(withArticles([claim({ articleId: 'gone' })], [article()])[0]).toMatchObject({ articleTitle: null, articleDate: null });
  });
});

describe('briefEvidence', () => {
  it.each([
    ['prefers the quote', claim({ quote: 'We did not do it', content: 'they did not do it' }), 'We did not do it'],
    ['falls back to the content', claim({ content: 'the ferry was overloaded' }), 'the ferry was overloaded'],
    ['collapses whitespace', claim({ content: 'a\n  b' }), 'a b'],
    ['cuts long text at a word, with an ellipsis', claim({ content: `${'word '.repeat(40)}end` }), `${'word '.repeat(21).trim()}…`],
  ])('%s', (_name, c, expected) => {
    expect(briefEvidence(c)).toBe(expected);
  });
});
