import { describe, expect, it } from 'vitest';
import type { Claim, Topic } from '../src/model.js';
import { filterClaims, topicNamed, topicsOf } from '../src/query/index.js';

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
