// parseArticle's `meta` option: what a web page or an input record says about the
// article wins over what the parser reads from the text.
import { describe, expect, it } from 'vitest';
import { articleIdForUrl, parseArticle } from '../src/parse/index.js';
import { registry } from './helpers/parse.js';

// A dateline of Monday 3 February 2025; "on Sunday" is 2 February from it.
const TEXT = 'Minister denies grain deal\nKESTREL CITY, Feb 3 (Newswire) - The trade minister denied on Sunday that a deal had been signed.\n\nThe opposition said on Friday that the deal was signed in secret.\n';
const parse = (meta?: Parameters<typeof parseArticle>[1]['meta']) => parseArticle(TEXT, { registry, fallbackYear: 2025, meta });

describe('without meta, the text decides', () => {
  it('title from the first line, date and source from the dateline, id from the text', () => {
    const { article, claims } = parse();
    expect(article).toMatchObject({ title: 'Minister denies grain deal', date: '2025-02-03', source: 'Newswire', url: null });
    expect(article.id).toBe(article.textHash.slice(0, 16));
    expect(claims.map((c) => c.date)).toEqual(['2025-02-02', '2025-01-31']);
  });
});

describe('meta wins over the text', () => {
  it('the date: the article is dated by it and "on Sunday" counts back from it', () => {
    const { article, claims } = parse({ date: '2025-02-12' });
    expect(article.date).toBe('2025-02-12');
    expect(claims.map((c) => c.date)).toEqual(['2025-02-09', '2025-02-07']);
  });

  it('title, source and byline', () => {
    const { article } = parse({ title: 'Grain deal: minister says no', source: 'Daily Ledger', byline: 'Ilse Varga' });
    expect(article).toMatchObject({ title: 'Grain deal: minister says no', source: 'Daily Ledger', byline: 'Ilse Varga', date: '2025-02-03' });
  });

  it('a URL gives the article its id; the claims keep the ids they have for this text', () => {
    const plain = parse();
    const url = 'https://ledger.example/world/grain-deal';
    const { article, claims } = parse({ url });
    expect(article.url).toBe(url);
    expect(article.id).toBe(articleIdForUrl(url));
    expect(article.id).not.toBe(plain.article.id);
    expect(article.textHash).toBe(plain.article.textHash);
    expect(claims.map((c) => c.id)).toEqual(plain.claims.map((c) => c.id));
    for (const claim of claims) expect(claim.articleId).toBe(article.id);
  });
});

describe('articleIdForUrl', () => {
  it('ignores the fragment and tracking parameters, not the parameters that name the page', () => {
    const id = articleIdForUrl('https://ledger.example/story?id=7');
    expect(articleIdForUrl('https://LEDGER.example/story?id=7#comments')).toBe(id);
    expect(articleIdForUrl('https://ledger.example/story?utm_source=x&id=7&fbclid=abc')).toBe(id);
    expect(articleIdForUrl('https://ledger.example/story?id=8')).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});
