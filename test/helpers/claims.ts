// Small factories for claims, articles and stores, so query and CLI tests can run
// on data written by hand, independent of the parser.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article, Claim, StoreData } from '../../src/model.js';

export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'art-dprk',
    title: 'North Korea UN representative denies Pyongyang sent troops to Russia',
    date: '2024-10-22',
    source: 'AFP',
    byline: null,
    origin: 'dprk-troops-denial.txt',
    textHash: 'f'.repeat(64),
    length: 4000,
    ...overrides,
  };
}

let counter = 0;

/** A claim with sensible defaults; `speaker` may be given as [id, name, mention?]. */
export function claim(
  overrides: Omit<Partial<Claim>, 'speaker'> & { speaker?: Claim['speaker'] | [string, string, string?] } = {},
): Claim {
  counter += 1;
  const { speaker, ...rest } = overrides;
  const sp = Array.isArray(speaker) ? { id: speaker[0], name: speaker[1], mention: speaker[2] ?? speaker[1] } : speaker;
  const content = rest.content ?? 'Pyongyang sent troops to Russia';
  return {
    id: `c${counter.toString(16).padStart(6, '0')}${'0'.repeat(10)}`,
    articleId: 'art-dprk',
    speaker: sp ?? { id: 'seoul-nis', name: 'Seoul NIS', mention: "Seoul's intelligence agency" },
    stance: 'asserts',
    date: '2024-10-22',
    dateText: null,
    content,
    quote: null,
    sentence: `Officials said that ${content}.`,
    start: 0,
    end: 10,
    cue: 'said',
    ...rest,
  };
}

/** The claims of the bundled DPRK article, as a sensible parser gives them (abridged). */
export function dprkClaims(): Claim[] {
  return [
    claim({
      id: 'a1b2c3d4e5f60001',
      speaker: ['seoul-nis', 'Seoul NIS', "Seoul's intelligence agency"],
      date: '2024-10-18',
      dateText: 'Friday',
      content: 'Pyongyang sent a "large-scale" troop deployment to help its ally',
      sentence: 'Seoul\'s intelligence agency said Friday that Pyongyang sent a "large-scale" troop deployment to help its ally.',
    }),
    claim({
      id: 'a1b2c3d4e5f60002',
      speaker: ['dprk-un-rep', 'DPRK UN rep', 'one of its United Nations representatives'],
      stance: 'denies',
      date: '2024-10-21',
      content: 'North Korea has not sent troops to Russia to help Moscow fight Ukraine',
      sentence: 'North Korea has not sent troops to Russia to help Moscow fight Ukraine, one of its United Nations representatives said.',
      cue: 'said',
    }),
    claim({
      id: 'b7000000000000003',
      speaker: ['nato', 'NATO', 'NATO'],
      stance: 'unconfirmed',
      content: 'the deployment',
      sentence: 'Neither NATO nor the United States have confirmed the deployment.',
      cue: 'have confirmed',
    }),
    claim({
      id: 'b7000000000000004',
      speaker: ['united-states', 'United States', 'the United States'],
      stance: 'unconfirmed',
      content: 'the deployment',
      sentence: 'Neither NATO nor the United States have confirmed the deployment.',
      cue: 'have confirmed',
    }),
    claim({
      id: 'c9000000000000005',
      speaker: ['us-ambassador', 'US ambassador', 'Robert Wood'],
      stance: 'unconfirmed',
      content: 'the DPRK has sent forces',
      quote: 'We have seen reports the DPRK has sent forces',
      sentence: '"We have seen reports the DPRK has sent forces," Robert Wood told the Security Council.',
      cue: 'told',
    }),
    claim({
      id: 'd1000000000000006',
      articleId: 'art-ferry',
      speaker: ['harbour-authority', 'harbour authority', 'the harbour authority'],
      stance: 'denies',
      date: '2025-03-14',
      content: 'the ferry was overloaded',
      sentence: 'The harbour authority denied that the ferry was overloaded.',
      cue: 'denied',
    }),
  ];
}

/** A store as version 1 wrote it (one store.json); commands read it and the first write splits it. */
export type V1Store = Omit<StoreData, 'version'> & { version: 1 };

export function dprkStore(): V1Store {
  return {
    version: 1,
    articles: [
      article(),
      article({ id: 'art-ferry', title: 'Harbour authority denies ferry was overloaded', date: '2025-03-14', origin: 'ferry.txt', source: null }),
    ],
    claims: dprkClaims(),
  };
}

/** A fresh temporary store folder, optionally holding `data` as its store.json. */
export async function tempStore(data?: V1Store | StoreData | string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'claims-test-'));
  if (data !== undefined) {
    await writeFile(path.join(dir, 'store.json'), typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  }
  return dir;
}
