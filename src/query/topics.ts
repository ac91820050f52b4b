// Topics: which subjects a claim touches, decided at question time from the user's
// topic list, so editing topics.json re-files every stored claim without a migration.
import type { Claim, Stance, Topic } from '../model.js';
import { stem, textStems, words } from './stem.js';

/** A keyword as the stems of its words ("positive test" → two stems, both needed). */
function keywordStems(keyword: string): string[] {
  return words(keyword).map(stem);
}

function touches(stems: ReadonlySet<string>, topic: Topic): boolean {
  return [topic.name, ...topic.keywords].some((k) => keywordStems(k).every((s) => stems.has(s)));
}

/** Names of the topics whose keywords occur in the claim's content or sentence. */
export function topicsOf(claim: Pick<Claim, 'content' | 'sentence'>, topics: readonly Topic[]): string[] {
  const stems = textStems(`${claim.content} ${claim.sentence}`);
  return topics.filter((t) => touches(stems, t)).map((t) => t.name);
}

/** The topic a query word names, if it names one ("deployment" → the deployment topic). */
export function topicNamed(word: string, topics: readonly Topic[]): Topic | undefined {
  const s = stem(word);
  return topics.find((t) => keywordStems(t.name).join(' ') === s);
}

/** The stems topics are looked for in: the claim's content and sentence, and the topics the parser gave it. */
function claimStems(claim: Pick<Claim, 'content' | 'sentence' | 'topics'>): Set<string> {
  return textStems([claim.content, claim.sentence, ...(claim.topics ?? [])].join(' '));
}

/** Whether the claim touches the topic: a keyword in its words, or a topic the parser gave it. */
export function touchesTopic(claim: Pick<Claim, 'content' | 'sentence' | 'topics'>, topic: Topic): boolean {
  return touches(claimStems(claim), topic);
}

/** The topics of the list the claim touches (its stems computed once). */
export function touchedTopics(claim: Pick<Claim, 'content' | 'sentence' | 'topics'>, topics: readonly Topic[]): Topic[] {
  const stems = claimStems(claim);
  return topics.filter((t) => touches(stems, t));
}

/** The topic a `--topic` value names: its name in any case, or another form of a one-word name ("deployments"). */
export function findTopic(name: string, topics: readonly Topic[]): Topic | undefined {
  const wanted = name.trim().toLowerCase();
  const exact = topics.find((t) => t.name.toLowerCase() === wanted);
  if (exact) return exact;
  return words(wanted).length === 1 ? topicNamed(wanted, topics) : undefined;
}

export interface TopicSummary {
  name: string;
  keywords: string[];
  /** Claims that touch the topic. */
  claims: number;
  counts: Record<Stance, number>;
  /** Distinct speakers and articles among those claims. */
  actors: number;
  articles: number;
}

/** Every topic of the list, in the list's order, with counts of the claims that touch it. */
export function summariseTopics(claims: readonly Claim[], topics: readonly Topic[]): TopicSummary[] {
  const tallies = topics.map(() => ({ claims: 0, counts: { asserts: 0, denies: 0, unconfirmed: 0 }, actors: new Set<string>(), articles: new Set<string>() }));
  for (const claim of claims) {
    const stems = claimStems(claim);
    topics.forEach((topic, i) => {
      const tally = tallies[i];
      if (!tally || !touches(stems, topic)) return;
      tally.claims += 1;
      tally.counts[claim.stance] += 1;
      tally.actors.add(claim.speaker.id);
      tally.articles.add(claim.articleId);
    });
  }
  return topics.map((topic, i) => {
    const tally = tallies[i]!;
    return { name: topic.name, keywords: [...topic.keywords], claims: tally.claims, counts: tally.counts, actors: tally.actors.size, articles: tally.articles.size };
  });
}
