// The shapes that cross layers: what the parser produces, what the store keeps and
// what the actor registry holds. Every type in the project that describes data comes
// from a schema here, so validation and typing cannot drift apart.
import { z } from 'zod';

export const STANCES = ['asserts', 'denies', 'unconfirmed'] as const;
export const StanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof StanceSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const SpeakerSchema = z.object({
  /** Canonical actor id (registry id, or a slug of the mention for new sources). */
  id: z.string().min(1),
  /** Canonical actor name. */
  name: z.string().min(1),
  /** The words the article used for the speaker at this claim. */
  mention: z.string().min(1),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

export const ClaimSchema = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  speaker: SpeakerSchema,
  stance: StanceSchema,
  /** Day the claim was made, resolved against the article's date. */
  date: IsoDate.nullable(),
  /** The phrase the date came from; null when it fell back to the article's date. */
  dateText: z.string().nullable(),
  content: z.string(),
  quote: z.string().nullable(),
  sentence: z.string(),
  /** Offsets into the article text of the evidence span (`sentence`). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  cue: z.string(),
  topics: z.array(z.string()).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ArticleSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  date: IsoDate.nullable(),
  /** Agency or outlet ("AFP", "Newswire"), from a SOURCE: line or the dateline. */
  source: z.string().nullable(),
  byline: z.string().nullable(),
  /** Where the text came from: a file path, "-" for stdin, or a URL. */
  origin: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  /** sha256 of the text, so the same text is recognised whatever its origin. */
  textHash: z.string(),
  length: z.number().int().nonnegative(),
  ingestedAt: z.string().optional(),
});
export type Article = z.infer<typeof ArticleSchema>;

const HttpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'expected an absolute http(s) URL');

/**
 * What a web page or an input record says about its article. Every field given
 * wins over what the parser reads from the text (a dateline, the first line).
 */
export const ArticleMetaSchema = z.object({
  title: z.string().min(1).optional(),
  date: IsoDate.optional(),
  source: z.string().min(1).optional(),
  byline: z.string().min(1).optional(),
  /** The article's canonical address; the article's id is derived from it. */
  url: HttpUrl.optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/**
 * One line of NDJSON input: an article from another tool (a crawler, a scraper).
 * `text` is the article as plain text, or `html` the page it is on; the other
 * fields are metadata that win over what is read from the text. Other fields
 * are ignored, so records can carry a tool's own keys.
 */
export const ArticleRecordSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    url: HttpUrl.nullish(),
    /** YYYY-MM-DD, or an ISO 8601 time (its day, as written, is taken). */
    date: z.string().nullish(),
    title: z.string().nullish(),
    source: z.string().nullish(),
    byline: z.string().nullish(),
  })
  .refine((r) => (r.text === undefined) !== (r.html === undefined), {
    message: 'a record needs "text" (the article) or "html" (its web page), and not both',
  });
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

export const ParseResultSchema = z.object({
  article: ArticleSchema,
  claims: z.array(ClaimSchema),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;

export const ActorKindSchema = z.enum(['person', 'organisation', 'country', 'group', 'source']);
export type ActorKind = z.infer<typeof ActorKindSchema>;

export const ActorSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'actor ids are lower-case slugs'),
  name: z.string().min(1),
  kind: ActorKindSchema.default('organisation'),
  aliases: z.array(z.string().min(1)).default([]),
});
export type Actor = z.infer<typeof ActorSchema>;

export const ActorRegistrySchema = z.object({
  version: z.literal(1),
  actors: z.array(ActorSchema),
});
export type ActorRegistry = z.infer<typeof ActorRegistrySchema>;

/** A subject claims can be about, and the words that mark a claim as touching it. */
export const TopicSchema = z.object({
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
});
export type Topic = z.infer<typeof TopicSchema>;

export const TopicListSchema = z.object({
  version: z.literal(1),
  topics: z.array(TopicSchema),
});
export type TopicList = z.infer<typeof TopicListSchema>;

/**
 * Version 2 is a folder: store.json is a manifest (the articles and an index of
 * claim shards) and the claims live in claims/*.json, one file per speaker.
 * Versions 0 and 1 were a single store.json; they are read and upgraded.
 */
export const STORE_VERSION = 2;
/** The whole store in memory, whatever its layout on disk. */
export const StoreSchema = z.object({
  version: z.literal(STORE_VERSION),
  articles: z.array(ArticleSchema),
  claims: z.array(ClaimSchema),
});
export type StoreData = z.infer<typeof StoreSchema>;

export const ShardEntrySchema = z.object({
  /** Relative to the store folder: claims/<safe speaker id>.g<generation>.json */
  file: z.string().regex(/^claims\/[A-Za-z0-9._-]+\.json$/, 'expected claims/<name>.json'),
  /** How many claims the file holds. */
  claims: z.number().int().nonnegative(),
  /** The speaker's names and mentions, so --actor resolves without reading claims. */
  names: z.array(z.string()),
});
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

/** store.json of a version-2 store. */
export const ManifestSchema = z.object({
  version: z.literal(STORE_VERSION),
  /** Bumped by every write; names the shard files that write created. */
  generation: z.number().int().nonnegative(),
  articles: z.array(ArticleSchema),
  /** Keyed by speaker id. */
  shards: z.record(z.string().min(1), ShardEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** claims/<shard>.json: every claim of one speaker. */
export const ShardSchema = z
  .object({
    speakerId: z.string().min(1),
    claims: z.array(ClaimSchema),
  })
  .superRefine((shard, ctx) => {
    shard.claims.forEach((claim, i) => {
      if (claim.speaker.id !== shard.speakerId) {
        ctx.addIssue({
          code: 'custom',
          path: ['claims', i, 'speaker', 'id'],
          message: `expected the shard's speaker "${shard.speakerId}", got "${claim.speaker.id}"`,
        });
      }
    });
  });
export type Shard = z.infer<typeof ShardSchema>;

// schema.org ClaimReview (https://schema.org/ClaimReview) as `claims export --format
// claimreview` writes it: one review per claim (a claim repeated by several articles
// once, with every appearance). The speaker is the author of the reviewed Claim, as
// schema.org defines it; the ClaimReview's own author would be the fact-checker.
// There is no reviewRating: claims records who asserts or denies, not a verdict.
const SchemaOrgAgentSchema = z.object({
  '@type': z.enum(['Person', 'Organization']),
  name: z.string().min(1),
});

const NewsArticleRefSchema = z.object({
  '@type': z.literal('NewsArticle'),
  identifier: z.string().min(1),
  headline: z.string(),
  datePublished: IsoDate.optional(),
  url: z.string().optional(),
  publisher: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }).optional(),
});

export const ClaimReviewSchema = z.object({
  '@type': z.literal('ClaimReview'),
  /** The claim id (of its first appearance). */
  identifier: z.string().min(1),
  claimReviewed: z.string().min(1),
  /** The stance in words, with the cue and the evidence sentence. */
  reviewBody: z.string().min(1),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: SchemaOrgAgentSchema,
    /** The day the claim was first made. */
    datePublished: IsoDate.optional(),
    appearance: z.array(NewsArticleRefSchema).min(1),
    firstAppearance: NewsArticleRefSchema,
  }),
});
export type ClaimReview = z.infer<typeof ClaimReviewSchema>;

export const ClaimReviewDocumentSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@graph': z.array(ClaimReviewSchema),
});
export type ClaimReviewDocument = z.infer<typeof ClaimReviewDocumentSchema>;
