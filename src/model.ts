// The shapes that cross layers: what the parser produces, what the store keeps and
// what the actor registry holds. Every type in the project that describes data comes
// from a schema here, so validation and typing cannot drift apart.
// zod/mini, the tree-shakeable functional build of zod, not the full `zod`: the CLI
// bundles its dependencies and every command loads this module at start-up, and the
// full zod was 568 KB of the 890 KB start-up bundle, most of the time the CLI takes
// to start. Mini ships no messages of its own ("Invalid input"), so the English
// locale is installed here, where every schema is built.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export const STANCES = ['asserts', 'denies', 'unconfirmed'] as const;
export const StanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof StanceSchema>;

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

export const SpeakerSchema = z.object({
  /** Canonical actor id (registry id, or a slug of the mention for new sources). */
  id: z.string().check(z.minLength(1)),
  /** Canonical actor name. */
  name: z.string().check(z.minLength(1)),
  /** The words the article used for the speaker at this claim. */
  mention: z.string().check(z.minLength(1)),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

export const ClaimSchema = z.object({
  id: z.string().check(z.minLength(1)),
  articleId: z.string().check(z.minLength(1)),
  speaker: SpeakerSchema,
  stance: StanceSchema,
  /** Day the claim was made, resolved against the article's date. */
  date: z.nullable(IsoDate),
  /** The phrase the date came from; null when it fell back to the article's date. */
  dateText: z.nullable(z.string()),
  content: z.string(),
  quote: z.nullable(z.string()),
  sentence: z.string(),
  /** Offsets into the article text of the evidence span (`sentence`). */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  cue: z.string(),
  topics: z.optional(z.array(z.string())),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ArticleSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  date: z.nullable(IsoDate),
  /** Agency or outlet ("AFP", "Newswire"), from a SOURCE: line or the dateline. */
  source: z.nullable(z.string()),
  byline: z.nullable(z.string()),
  /** Where the text came from: a file path, "-" for stdin, or a URL. */
  origin: z.optional(z.nullable(z.string())),
  url: z.optional(z.nullable(z.string())),
  /** sha256 of the text, so the same text is recognised whatever its origin. */
  textHash: z.string(),
  length: z.int().check(z.nonnegative()),
  ingestedAt: z.optional(z.string()),
});
export type Article = z.infer<typeof ArticleSchema>;

const HttpUrl = z.string().check(
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an absolute http(s) URL'),
);

/**
 * What a web page or an input record says about its article. Every field given
 * wins over what the parser reads from the text (a dateline, the first line).
 */
export const ArticleMetaSchema = z.object({
  title: z.optional(z.string().check(z.minLength(1))),
  date: z.optional(IsoDate),
  source: z.optional(z.string().check(z.minLength(1))),
  byline: z.optional(z.string().check(z.minLength(1))),
  /** The article's canonical address; the article's id is derived from it. */
  url: z.optional(HttpUrl),
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
    text: z.optional(z.string()),
    html: z.optional(z.string()),
    url: z.nullish(HttpUrl),
    /** YYYY-MM-DD, or an ISO 8601 time (its day, as written, is taken). */
    date: z.nullish(z.string()),
    title: z.nullish(z.string()),
    source: z.nullish(z.string()),
    byline: z.nullish(z.string()),
  })
  .check(
    z.refine((r) => (r.text === undefined) !== (r.html === undefined), {
      message: 'a record needs "text" (the article) or "html" (its web page), and not both',
    }),
  );
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

export const ParseResultSchema = z.object({
  article: ArticleSchema,
  claims: z.array(ClaimSchema),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;

export const ActorKindSchema = z.enum(['person', 'organisation', 'country', 'group', 'source']);
export type ActorKind = z.infer<typeof ActorKindSchema>;

export const ActorSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'actor ids are lower-case slugs')),
  name: z.string().check(z.minLength(1)),
  kind: z._default(ActorKindSchema, 'organisation'),
  aliases: z._default(z.array(z.string().check(z.minLength(1))), []),
});
export type Actor = z.infer<typeof ActorSchema>;

export const ActorRegistrySchema = z.object({
  version: z.literal(1),
  actors: z.array(ActorSchema),
});
export type ActorRegistry = z.infer<typeof ActorRegistrySchema>;

/** A subject claims can be about, and the words that mark a claim as touching it. */
export const TopicSchema = z.object({
  name: z.string().check(z.minLength(1)),
  keywords: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
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
  file: z.string().check(z.regex(/^claims\/[A-Za-z0-9._-]+\.json$/, 'expected claims/<name>.json')),
  /** How many claims the file holds. */
  claims: z.int().check(z.nonnegative()),
  /** The speaker's names and mentions, so --actor resolves without reading claims. */
  names: z.array(z.string()),
});
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

/** store.json of a version-2 store. */
export const ManifestSchema = z.object({
  version: z.literal(STORE_VERSION),
  /** Bumped by every write; names the shard files that write created. */
  generation: z.int().check(z.nonnegative()),
  articles: z.array(ArticleSchema),
  /** Keyed by speaker id. */
  shards: z.record(z.string().check(z.minLength(1)), ShardEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** claims/<shard>.json: every claim of one speaker. */
export const ShardSchema = z
  .object({
    speakerId: z.string().check(z.minLength(1)),
    claims: z.array(ClaimSchema),
  })
  .check(
    z.superRefine((shard, ctx) => {
      shard.claims.forEach((claim, i) => {
        if (claim.speaker.id !== shard.speakerId) {
          ctx.addIssue({
            code: 'custom',
            path: ['claims', i, 'speaker', 'id'],
            message: `expected the shard's speaker "${shard.speakerId}", got "${claim.speaker.id}"`,
          });
        }
      });
    }),
  );
export type Shard = z.infer<typeof ShardSchema>;

// schema.org ClaimReview (https://schema.org/ClaimReview) as `claims export --format
// claimreview` writes it: one review per claim (a claim repeated by several articles
// once, with every appearance). The speaker is the author of the reviewed Claim, as
// schema.org defines it; the ClaimReview's own author would be the fact-checker.
// There is no reviewRating: claims records who asserts or denies, not a verdict.
const SchemaOrgAgentSchema = z.object({
  '@type': z.enum(['Person', 'Organization']),
  name: z.string().check(z.minLength(1)),
});

const NewsArticleRefSchema = z.object({
  '@type': z.literal('NewsArticle'),
  identifier: z.string().check(z.minLength(1)),
  headline: z.string(),
  datePublished: z.optional(IsoDate),
  url: z.optional(z.string()),
  publisher: z.optional(z.object({ '@type': z.literal('Organization'), name: z.string().check(z.minLength(1)) })),
});

export const ClaimReviewSchema = z.object({
  '@type': z.literal('ClaimReview'),
  /** The claim id (of its first appearance). */
  identifier: z.string().check(z.minLength(1)),
  claimReviewed: z.string().check(z.minLength(1)),
  /** The stance in words, with the cue and the evidence sentence. */
  reviewBody: z.string().check(z.minLength(1)),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: SchemaOrgAgentSchema,
    /** The day the claim was first made. */
    datePublished: z.optional(IsoDate),
    appearance: z.array(NewsArticleRefSchema).check(z.minLength(1)),
    firstAppearance: NewsArticleRefSchema,
  }),
});
export type ClaimReview = z.infer<typeof ClaimReviewSchema>;

export const ClaimReviewDocumentSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@graph': z.array(ClaimReviewSchema),
});
export type ClaimReviewDocument = z.infer<typeof ClaimReviewDocumentSchema>;
