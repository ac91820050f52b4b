import { describe, expect, it } from 'vitest';
import type { ActorRegistry } from '../src/model.js';
import { compareClaims, findByIdPrefix, normaliseName, resolveActorIds, summariseActors, uniquePrefixLength } from '../src/query/index.js';
import { claim, dprkClaims } from './helpers/claims.js';

const registry: ActorRegistry = {
  version: 1,
  actors: [
    { id: 'seoul-nis', name: 'Seoul NIS', kind: 'organisation', aliases: ['National Intelligence Service', "Seoul's intelligence agency"] },
    { id: 'us-ambassador', name: 'US ambassador', kind: 'person', aliases: ['Robert Wood', 'U.S. ambassador to the United Nations'] },
    { id: 'nato', name: 'NATO', kind: 'organisation', aliases: [] },
    { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow', 'the Kremlin'] },
  ],
};
const claims = dprkClaims();

describe('resolveActorIds', () => {
  it.each<[string, string[]]>([
    ['Seoul NIS', ['seoul-nis']],
    ['seoul nis', ['seoul-nis']],
    ['national intelligence service', ['seoul-nis']],
    ['Seoul’s intelligence agency', ['seoul-nis']],
    ['seoul-nis', ['seoul-nis']],
    ['us ambassador to the united nations', ['us-ambassador']],
    ['robert wood', ['us-ambassador']],
    ['wood', ['us-ambassador']],
    ['Kremlin', ['russia']],
    ['the harbour authority', ['harbour-authority']],
    ['harbour authority', ['harbour-authority']],
    ['one of its United Nations representatives', ['dprk-un-rep']],
    ['nobody at all', []],
    ['', []],
    ['woo', []],
  ])('%j -> %j', (query, expected) => {
    expect(resolveActorIds(query, registry, claims).sort()).toEqual(expected);
  });

  it('prefers an exact name over a partial one', () => {
    // "NATO" is exact for nato even though no other actor contains it; "United States" is exact for the claim-only actor.
    expect(resolveActorIds('United States', registry, claims)).toEqual(['united-states']);
  });

  it('returns every actor a partial name fits', () => {
    expect(resolveActorIds('united', registry, claims).sort()).toEqual(['dprk-un-rep', 'united-states', 'us-ambassador']);
  });
});

describe('normaliseName', () => {
  it.each([
    ['  The  U.S.  ', 'us'],
    ['Seoul’s', "seoul's"],
    ['NATO', 'nato'],
    ['a North Korean representative', 'north korean representative'],
    ['An official', 'official'],
    ['Anna', 'anna'],
  ])('%j -> %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

describe('summariseActors', () => {
  const summary = summariseActors(claims, registry);
  const byId = Object.fromEntries(summary.map((a) => [a.id, a]));

  it('counts stances per actor', () => {
    expect(byId['seoul-nis']?.counts).toEqual({ asserts: 1, denies: 0, unconfirmed: 0 });
    expect(byId['us-ambassador']?.counts).toEqual({ asserts: 0, denies: 0, unconfirmed: 1 });
  });

  it('includes registry actors without claims and actors found only in claims', () => {
    expect(byId['russia']).toMatchObject({ total: 0, inRegistry: true, kind: 'country' });
    expect(byId['harbour-authority']).toMatchObject({ total: 1, inRegistry: false, kind: null, name: 'harbour authority' });
  });

  it('records mentions that are not already a name or alias', () => {
    expect(byId['seoul-nis']?.mentions).toEqual([]);
    expect(byId['dprk-un-rep']?.mentions).toEqual(['one of its United Nations representatives']);
    expect(byId['harbour-authority']?.mentions).toEqual([]);
  });

  it('lists the most-quoted first, then by name', () => {
    expect(summary.at(-1)?.id).toBe('russia');
    const totals = summary.map((a) => a.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });
});

describe('compareClaims', () => {
  it('groups by stance, then by actor, earliest first', () => {
    const comparison = compareClaims(claims);
    expect(comparison.asserts.map((p) => p.actor.name)).toEqual(['Seoul NIS']);
    expect(comparison.denies.map((p) => p.actor.name)).toEqual(['DPRK UN rep', 'harbour authority']);
    expect(comparison.unconfirmed.map((p) => p.actor.name)).toEqual(['NATO', 'United States', 'US ambassador']);
  });

  it('puts one actor in each stance it took, with all its claims there', () => {
    const shifting = [
      claim({ speaker: ['x', 'X'], stance: 'denies', date: '2024-01-02' }),
      claim({ speaker: ['x', 'X', 'the company'], stance: 'asserts', date: '2024-02-01' }),
      claim({ speaker: ['x', 'X', 'the firm'], stance: 'denies', date: '2024-01-01' }),
    ];
    const comparison = compareClaims(shifting);
    expect(comparison.denies).toHaveLength(1);
    expect(comparison.denies[0]?.claims.map((c) => c.date)).toEqual(['2024-01-01', '2024-01-02']);
    expect(comparison.denies[0]?.mentions).toEqual(['the firm', 'X']);
    expect(comparison.asserts[0]?.mentions).toEqual(['the company']);
    expect(comparison.unconfirmed).toEqual([]);
  });
});

describe('findByIdPrefix and uniquePrefixLength', () => {
  const items = [{ id: 'abc123' }, { id: 'abd999' }, { id: 'xyz' }];
  it.each([
    ['abc123', 'found'],
    ['ABC', 'found'],
    ['ab', 'ambiguous'],
    ['q', 'none'],
    ['', 'none'],
  ])('%j -> %s', (query, kind) => {
    expect(findByIdPrefix(items, query, (i) => i.id).kind).toBe(kind);
  });

  it.each<[string[], number, number]>([
    [['abc123', 'abd999'], 2, 3],
    [['abc123', 'abc124'], 2, 6],
    [['aaaa', 'bbbb'], 8, 8],
    [[], 8, 8],
  ])('%j (min %d) -> %d', (list, min, expected) => {
    expect(uniquePrefixLength(list, min)).toBe(expected);
  });
});
