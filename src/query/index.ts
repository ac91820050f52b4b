// Pure questions over stored claims: filters, comparisons, actor counts, stemming.
export { stem, words, queryStems, textStems } from './stem.js';
export { filterClaims, sortClaims, withArticles, briefEvidence } from './filter.js';
export type { ClaimFilter, ExportedClaim } from './filter.js';
export { compareClaims } from './compare.js';
export { topicsOf, topicNamed, touchesTopic, touchedTopics, findTopic, summariseTopics } from './topics.js';
export type { TopicSummary } from './topics.js';
export type { ActorPosition, Comparison } from './compare.js';
export { summariseActors, resolveActorIds, normaliseName } from './actors.js';
export type { ActorSummary, StanceCounts } from './actors.js';
export { findByIdPrefix, uniquePrefixLength } from './lookup.js';
export type { Lookup } from './lookup.js';
export { groupRepeats, repeatsOf, claimSimilarity, contentStems, jaccard, REPEAT_THRESHOLD } from './repeats.js';
export type { RepeatGroup, RepeatOptions } from './repeats.js';
export { buildTimeline } from './timeline.js';
export type { ActorTimeline, StanceChange, TimelineEntry } from './timeline.js';
export { findConflicts } from './conflicts.js';
export type { Conflict, ConflictSide } from './conflicts.js';
