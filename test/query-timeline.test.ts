import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../src/query/index.js';
import { claim } from './helpers/claims.js';

const ministry = ['environment-ministry', 'environment ministry'] as [string, string];
const company = ['norvane', 'Norvane Chemicals'] as [string, string];

describe('buildTimeline', () => {
  it('puts each actor’s claims in date order and marks the change of stance on the day of the new stance', () => {
    const timelines = buildTimeline([
      claim({ id: 'm3', speaker: ministry, stance: 'asserts', date: '2025-03-06', articleId: 'd3' }),
      claim({ id: 'c1', speaker: company, stance: 'denies', date: '2025-03-03', articleId: 'd1' }),
      claim({ id: 'm1', speaker: ministry, stance: 'unconfirmed', date: '2025-03-03', articleId: 'd1' }),
      claim({ id: 'm2', speaker: ministry, stance: 'unconfirmed', date: '2025-03-04', articleId: 'd2' }),
    ]);
    expect(timelines.map((t) => [t.actor.name, t.entries.map((e) => e.claim.id)])).toEqual([
      ['environment ministry', ['m1', 'm2', 'm3']],
      ['Norvane Chemicals', ['c1']],
    ]);
    const [ministryLine, companyLine] = timelines;
    expect(ministryLine?.changes).toEqual([
      { from: 'unconfirmed', to: 'asserts', date: '2025-03-06', claimId: 'm3', previousClaimId: 'm2', previousDate: '2025-03-04' },
    ]);
    expect(ministryLine?.entries.map((e) => e.change?.to ?? null)).toEqual([null, null, 'asserts']);
    expect(companyLine?.changes).toEqual([]);
  });

  it('marks every change, back and forth, and puts undated claims last', () => {
    const [line] = buildTimeline([
      claim({ id: 'x', speaker: company, stance: 'denies', date: null }),
      claim({ id: 'a', speaker: company, stance: 'asserts', date: '2025-01-01' }),
      claim({ id: 'b', speaker: company, stance: 'denies', date: '2025-01-02' }),
      claim({ id: 'c', speaker: company, stance: 'asserts', date: '2025-01-03' }),
    ]);
    expect(line?.entries.map((e) => e.claim.id)).toEqual(['a', 'b', 'c', 'x']);
    expect(line?.changes.map((c) => `${c.from}→${c.to}@${c.date}`)).toEqual(['asserts→denies@2025-01-02', 'denies→asserts@2025-01-03', 'asserts→denies@null']);
  });

  it('orders actors by their first claim, then by name', () => {
    const names = buildTimeline([
      claim({ speaker: ['b', 'Beta'], date: '2025-01-02' }),
      claim({ speaker: ['z', 'Zeta'], date: '2025-01-01' }),
      claim({ speaker: ['a', 'Alpha'], date: '2025-01-02' }),
    ]).map((t) => t.actor.name);
    expect(names).toEqual(['Zeta', 'Alpha', 'Beta']);
  });
});
