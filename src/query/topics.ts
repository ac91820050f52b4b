// Topics: which subjects a claim touches, decided at question time from the user's
// topic list, so editing topics.json re-files every stored claim without a migration.
import type { Claim, Topic } from '../model.js';
import { stem, textStems, words } from './stem.js';

/** A keyword as the stems of its words ("positive test" → two stems, both needed). */
function keywordStems(keyword: string): string[] {
  return words(keyword).map(stem);
}

/** Names of the topics whose keywords occur in the claim's content or sentence. */
export function topicsOf(claim: Pick<Claim, 'content' | 'sentence'>, topics: readonly Topic[]): string[] {
  const stems = textStems(`${claim.content} ${claim.sentence}`);
  return topics
    .filter((t) => [t.name, ...t.keywords].some((k) => keywordStems(k).every((s) => stems.has(s))))
    .map((t) => t.name);
}

/** The topic a query word names, if it names one ("deployment" → the deployment topic). */
export function topicNamed(word: string, topics: readonly Topic[]): Topic | undefined {
  const s = stem(word);
  return topics.find((t) => keywordStems(t.name).join(' ') === s);
}
