// Claims as schema.org ClaimReview JSON-LD (the shape is ClaimReviewSchema in
// model.ts), so they can move into fact-checking tools. A claim repeated by several
// articles becomes one review whose Claim has every article as an appearance.
import type { ActorKind, ActorRegistry, Article, Claim, ClaimReview, ClaimReviewDocument } from '../model.js';
import { groupRepeats } from './repeats.js';

const STANCE_WORDS = { asserts: 'asserts', denies: 'denies', unconfirmed: 'has not confirmed' } as const;

/** People and (unnamed) sources are Persons; organisations, countries and groups Organizations, and so is a speaker the registry does not know. */
function agentType(kind: ActorKind | undefined): 'Person' | 'Organization' {
  return kind === 'person' || kind === 'source' ? 'Person' : 'Organization';
}

export function toClaimReviews(claims: readonly Claim[], articles: readonly Article[], registry: ActorRegistry): ClaimReviewDocument {
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const kindById = new Map(registry.actors.map((a) => [a.id, a.kind]));
  const appearance = (articleId: string): ClaimReview['itemReviewed']['firstAppearance'] => {
    const article = articleById.get(articleId);
    return {
      '@type': 'NewsArticle',
      identifier: articleId,
      headline: article?.title ?? '',
      ...(article?.date ? { datePublished: article.date } : {}),
      ...(article?.url ? { url: article.url } : {}),
      ...(article?.source ? { publisher: { '@type': 'Organization' as const, name: article.source } } : {}),
    };
  };
  const reviews = groupRepeats(claims).map(({ first, appearances }): ClaimReview => {
    const articleIds = [...new Set(appearances.map((c) => c.articleId))];
    const seen = articleIds.map(appearance);
    return {
      '@type': 'ClaimReview',
      identifier: first.id,
      claimReviewed: (first.content.trim() || first.sentence).trim(),
      reviewBody: `${first.speaker.name} ${STANCE_WORDS[first.stance]} it (cue: “${first.cue}”). Evidence: “${first.sentence.replace(/\s+/g, ' ').trim()}”`,
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': agentType(kindById.get(first.speaker.id)), name: first.speaker.name },
        ...(first.date ? { datePublished: first.date } : {}),
        appearance: seen,
        firstAppearance: seen[0] as ClaimReview['itemReviewed']['firstAppearance'],
      },
    };
  });
  return { '@context': 'https://schema.org', '@graph': reviews };
}
