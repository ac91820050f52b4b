import { describe, expect, it } from 'vitest';
import { queryStems, stem, words } from '../src/query/index.js';

describe('stem: forms of one word meet', () => {
  it.each([
    ['deployed', 'deployment'],
    ['deploying', 'deployment'],
    ['deploys', 'deploy'],
    ['denies', 'denied'],
    ['denial', 'deny'],
    ['troops', 'troop'],
    ['claims', 'claiming'],
    ['claimed', 'claim'],
    ['confirmation', 'confirmed'],
    ['stopped', 'stop'],
    ['reports', 'reporting'],
    ['statement', 'stated'],
    ['officials', 'official'],
    ['Seoul’s', 'Seoul'],
    ['boxes', 'box'],
    ['issues', 'issue'],
  ])('%s ~ %s', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});

describe('stem: different words stay apart', () => {
  it.each([
    ['deploy', 'denial'],
    ['troop', 'trooper-ish'],
    ['us', 'use'],
    ['confirm', 'conform'],
    ['denied', 'dented'],
    // A stop word must not meet a topic keyword: "offer" once stemmed to "of".
    ['offer', 'of'],
  ])('%s ≠ %s', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});

describe('stem: short words and special endings are left alone', () => {
  it.each([
    ['us', 'us'],
    ['is', 'is'],
    ['news', 'new'],
    ['virus', 'virus'],
    ['dismissed', 'dismiss'],
    ['called', 'call'],
    ['NATO', 'nato'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('words and query stems', () => {
  it.each([
    ['The troop deployment', ['troop', 'deploi']],
    ['the', ['the']],
    ['Seoul’s claims, denied!', ['seoul', 'claim', 'deni']],
    ['1,500 special forces', ['1', '500', 'speci', 'forc']],
  ])('%j -> %j', (query, expected) => {
    expect(queryStems(query)).toEqual(expected);
  });

  it('splits on hyphens and punctuation but keeps inner apostrophes', () => {
    expect(words('DPRK-Russia "relations" don’t')).toEqual(['dprk', 'russia', 'relations', 'don’t']);
  });
});
