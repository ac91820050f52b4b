// mergeAll and removeArticle (src/store/merge.ts) on plain objects: each article
// kept once, by id or by text; a changed page replaces its stored version.
import { describe, expect, it } from 'vitest';
import { sampleArticle, sampleClaim } from './helpers/store.js';
import { STORE_VERSION, type Article, type ParseResult, type StoreData } from '../src/model.js';
import { mergeAll, removeArticle } from '../src/store/index.js';

const article = sampleArticle;

const claim = sampleClaim;

describe('mergeAll: each article once', () => {
  const page = (id: string, textHash: string, claimIds: string[], overrides: Partial<Article> = {}): ParseResult => ({
    article: article(id, { textHash, ...overrides }),
    claims: claimIds.map((c) => claim(c, { articleId: id })),
  });

  it('the same text from a file and then from its URL is one article, under the id it was stored with', () => {
    const data: StoreData = { version: STORE_VERSION, articles: [], claims: [] };
    const url = 'https://news.example/story';
    const results = mergeAll(data, [page('text-id', 'h1', ['c1', 'c2']), page('url-id', 'h1', ['c1', 'c2'], { url, origin: url })]);
    expect(results).toEqual([
      { articleId: 'text-id', added: 2, existing: 0, replaced: 0 },
      { articleId: 'text-id', added: 0, existing: 2, replaced: 0 },
    ]);
    expect(data.articles).toHaveLength(1);
    expect(data.articles[0]).toMatchObject({ id: 'text-id', url });
  });

  it('claims a newer parser finds in a stored text join that article', () => {
    const data: StoreData = { version: STORE_VERSION, articles: [], claims: [] };
    mergeAll(data, [page('text-id', 'h1', ['c1'])]);
    expect(mergeAll(data, [page('url-id', 'h1', ['c1', 'c9'])])).toEqual([{ articleId: 'text-id', added: 1, existing: 1, replaced: 0 }]);
    expect(data.claims.map((c) => [c.id, c.articleId])).toEqual([['c1', 'text-id'], ['c9', 'text-id']]);
  });

  it('a page at a stored URL whose text changed replaces the stored version and its claims', () => {
    const data: StoreData = { version: STORE_VERSION, articles: [article('other')], claims: [claim('x1', { articleId: 'other' })] };
    mergeAll(data, [page('url-id', 'old-text', ['c1', 'c2'], { title: 'First version' })], '2025-01-01T00:00:00.000Z');
    const [result] = mergeAll(data, [page('url-id', 'new-text', ['c2b', 'c3'], { title: 'Corrected version' })], '2025-01-02T00:00:00.000Z');
    expect(result).toEqual({ articleId: 'url-id', added: 2, existing: 0, replaced: 2 });
    expect(data.articles.map((a) => [a.id, a.title, a.textHash])).toEqual([['other', 'Article other', 'hash-other'], ['url-id', 'Corrected version', 'new-text']]);
    expect(data.claims.map((c) => c.id)).toEqual(['x1', 'c2b', 'c3']);
    // Re-ingesting the first version now is a change again (and would replace back).
    expect(mergeAll(structuredClone(data), [page('url-id', 'old-text', ['c1'])])[0]).toMatchObject({ replaced: 2, added: 1 });
  });

  it('merges many results against one index: the same claim in two results is added once', () => {
    const data: StoreData = { version: STORE_VERSION, articles: [], claims: [] };
    const results = mergeAll(data, [page('a', 'ha', ['c1', 'c2']), page('b', 'hb', ['c3']), page('a', 'ha', ['c1', 'c2'])]);
    expect(results.map((r) => [r.added, r.existing])).toEqual([[2, 0], [1, 0], [0, 2]]);
    expect(data.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('removeArticle', () => {
  it('takes the article and its claims out, and nothing else', () => {
    const data: StoreData = {
      version: STORE_VERSION,
      articles: [article('a1'), article('a2')],
      claims: [claim('c1', { articleId: 'a1' }), claim('c2', { articleId: 'a2' }), claim('c3', { articleId: 'a1' })],
    };
    expect(removeArticle(data, 'a1')).toEqual({ article: article('a1'), claims: 2 });
    expect(data.articles.map((a) => a.id)).toEqual(['a2']);
    expect(data.claims.map((c) => c.id)).toEqual(['c2']);
  });
});
