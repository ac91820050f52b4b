// The stored articles, each with how many claims it holds: what `claims articles` lists.
import type { Article, Claim } from '../model.js';
import { compareNullableDates } from './filter.js';

export type ArticleSummary = Article & { claims: number };

/** Every article with its number of claims, by date (undated last), then title. */
export function summariseArticles(articles: readonly Article[], claims: readonly Claim[]): ArticleSummary[] {
  const counts = new Map<string, number>();
  for (const claim of claims) counts.set(claim.articleId, (counts.get(claim.articleId) ?? 0) + 1);
  return articles
    .map((article) => ({ ...article, claims: counts.get(article.id) ?? 0 }))
    .sort((a, b) => compareNullableDates(a.date, b.date) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
