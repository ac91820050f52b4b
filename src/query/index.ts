// Pure questions over stored claims: filters, comparisons, actor counts, stemming.
export { stem, words, queryStems, textStems } from './stem.js';
export { filterClaims, sortClaims, withArticles, briefEvidence } from './filter.js';
export type { ClaimFilter, ExportedClaim } from './filter.js';
export { compareClaims } from './compare.js';
export { topicsOf, topicNamed } from './topics.js';
export type { ActorPosition, Comparison } from './compare.js';
export { summariseActors, resolveActorIds, normaliseName } from './actors.js';
export type { ActorSummary, StanceCounts } from './actors.js';
export { findByIdPrefix, uniquePrefixLength } from './lookup.js';
export { summariseArticles } from './articles.js';
export type { ArticleSummary } from './articles.js';
export type { Lookup } from './lookup.js';
