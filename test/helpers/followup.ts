// A store written by hand after the follow-up fixtures (test/fixtures/followup/):
// the environment ministry has not confirmed a leak on 3 March and confirms it on
// 6 March; Norvane Chemicals denies it (twice in the same words); the mayor asserts it.
import type { V1Store } from './claims.js';
import { article, claim } from './claims.js';

export const MINISTRY = ['environment-ministry', 'environment ministry', 'The environment ministry'] as [string, string, string];
export const NORVANE = ['norvane-chemicals', 'Norvane Chemicals', 'Norvane Chemicals'] as [string, string, string];
export const MAYOR = ['hanna-orsk', 'Hanna Orsk', 'Lorvik mayor Hanna Orsk'] as [string, string, string];

export function followUpStore(): V1Store {
  return {
    version: 1,
    articles: [
      article({ id: 'day1', title: 'Ministry has not confirmed chemical leak at Norvane plant', date: '2025-03-03', source: 'Valley Courier', origin: 'day1.txt' }),
      article({ id: 'day2', title: 'Norvane repeats denial as Lorvik residents demand answers', date: '2025-03-04', source: 'Lorvik Herald', origin: 'day2.txt' }),
      article({ id: 'day3', title: 'Ministry confirms chemicals leaked from Norvane plant', date: '2025-03-06', source: 'Valley Courier', origin: 'day3.txt' }),
    ],
    claims: [
      claim({
        id: '1a00000000000001', articleId: 'day1', date: '2025-03-03', speaker: MINISTRY, stance: 'unconfirmed', cue: 'has not confirmed', start: 100,
        content: 'chemicals leaked from the plant into the river.',
        sentence: 'The environment ministry has not confirmed that chemicals leaked from the plant into the river.',
      }),
      claim({
        id: '1b00000000000002', articleId: 'day1', date: '2025-03-03', speaker: NORVANE, stance: 'denies', cue: 'denied', start: 200,
        content: 'any chemicals had leaked from its plant.',
        sentence: 'Norvane Chemicals denied that any chemicals had leaked from its plant.',
      }),
      claim({
        id: '1c00000000000003', articleId: 'day1', date: '2025-03-02', dateText: 'on Sunday', speaker: MAYOR, stance: 'asserts', start: 300,
        content: 'chemicals had leaked into the river from the plant.',
        sentence: 'Lorvik mayor Hanna Orsk said on Sunday that chemicals had leaked into the river from the plant.',
      }),
      claim({
        id: '2b00000000000004', articleId: 'day2', date: '2025-03-04', speaker: NORVANE, stance: 'denies', cue: 'has denied', start: 100,
        content: 'any chemicals leaked from its plant.',
        sentence: 'Norvane Chemicals has denied that any chemicals leaked from its plant.',
      }),
      claim({
        id: '3a00000000000005', articleId: 'day3', date: '2025-03-06', dateText: 'on Thursday', speaker: MINISTRY, stance: 'asserts', cue: 'confirmed', start: 100,
        content: 'chemicals leaked from the plant into the Brenn river.',
        sentence: 'The environment ministry confirmed on Thursday that chemicals leaked from the plant into the Brenn river.',
      }),
      claim({
        id: '3b00000000000006', articleId: 'day3', date: '2025-03-06', dateText: 'on Thursday', speaker: NORVANE, stance: 'denies', cue: 'denied', start: 200,
        content: 'its plant was the source of the leak.',
        sentence: 'Norvane Chemicals denied on Thursday that its plant was the source of the leak.',
      }),
    ],
  };
}

export const FOLLOWUP_TOPICS = { version: 1, topics: [{ name: 'leak', keywords: ['leak', 'leaked', 'chemicals'] }, { name: 'fishing', keywords: ['fish'] }] };
