import { describe, expect, it } from 'vitest';
import type { Claim, Topic } from '../src/model.js';
import { filterClaims, findTopic, summariseTopics, topicNamed, topicsOf, touchesTopic } from '../src/query/index.js';

const topics: Topic[] = [
  { name: 'deployment', keywords: ['troops', 'soldiers', 'deploy'] },
  { name: 'doping', keywords: ['positive test', 'EPO'] },
];

const claim = (content: string, id = content): Claim => ({
  id, articleId: 'a1', speaker: { id: 's', name: 'S', mention: 'S' }, stance: 'asserts', date: '2024-10-22',
  dateText: null, content, quote: null, sentence: content, start: 0, end: content.length, cue: 'said',
});

describe('topics', () => {
  it.each([
    ['a keyword', 'North Korea has not sent troops to Russia.', ['deployment']],
    ['an inflected keyword', 'Seoul said units were deployed last week.', ['deployment']],
    ['every word of a phrase keyword', 'The positive test was impossible.', ['doping']],
    ['part of a phrase keyword is not enough', 'The test was routine.', []],
    ['nothing', 'Prices rose.', []],
  ])('%s', (_name, content, expected) => {
    expect(topicsOf(claim(content), topics)).toEqual(expected);
  });

  it('knows a topic by its name, stemmed', () => {
    expect(topicNamed('deployments', topics)?.name).toBe('deployment');
    expect(topicNamed('troops', topics)).toBeUndefined();
  });

  it('lets --about name a topic, and still matches plain words', () => {
    const claims = [claim('North Korea has not sent troops.'), claim('The deployment is large.'), claim('Prices rose.')];
    expect(filterClaims(claims, { about: 'deployment', topics }).map((c) => c.content)).toEqual(['North Korea has not sent troops.', 'The deployment is large.']);
    expect(filterClaims(claims, { about: 'deployment' }).map((c) => c.content)).toEqual(['The deployment is large.']);
  });
});

describe('--topic and claims topics', () => {
  it('finds a topic by its name in any case, or another form of a one-word name; nothing else', () => {
    expect(findTopic('Deployment', topics)?.name).toBe('deployment');
    expect(findTopic('deployments', topics)?.name).toBe('deployment');
    expect(findTopic('troops', topics)).toBeUndefined();
    expect(findTopic('doping scandal', topics)).toBeUndefined();
  });

  it('a claim touches a topic by a keyword, or by a topic the parser gave it', () => {
    const deployment = topics[0]!;
    expect(touchesTopic(claim('Soldiers crossed the border.'), deployment)).toBe(true);
    expect(touchesTopic(claim('Prices rose.'), deployment)).toBe(false);
    expect(touchesTopic({ ...claim('Prices rose.'), topics: ['troop deployment'] }, deployment)).toBe(true);
  });

  it('filters by one topic', () => {
    const claims = [claim('North Korea has not sent troops.'), claim('The positive test was impossible.'), claim('Prices rose.')];
    expect(filterClaims(claims, { topic: topics[1] }).map((c) => c.content)).toEqual(['The positive test was impossible.']);
  });

  it('counts, per topic in the list’s order, the claims, stances, actors and articles that touch it', () => {
    const claims = [
      claim('Troops were sent.'),
      { ...claim('No soldiers were sent.'), stance: 'denies' as const, speaker: { id: 'r', name: 'R', mention: 'R' }, articleId: 'a2' },
      claim('Prices rose.'),
    ];
    expect(summariseTopics(claims, topics)).toEqual([
      { name: 'deployment', keywords: ['troops', 'soldiers', 'deploy'], claims: 2, counts: { asserts: 1, denies: 1, unconfirmed: 0 }, actors: 2, articles: 2 },
      { name: 'doping', keywords: ['positive test', 'EPO'], claims: 0, counts: { asserts: 0, denies: 0, unconfirmed: 0 }, actors: 0, articles: 0 },
    ]);
  });
});
