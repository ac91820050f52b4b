import { describe, expect, it } from 'vitest';
import type { Topic } from '../src/model.js';
import { findConflicts } from '../src/query/index.js';
import { claim } from './helpers/claims.js';
import { MAYOR, MINISTRY, NORVANE, followUpStore } from './helpers/followup.js';

const leak: Topic = { name: 'leak', keywords: ['leak', 'leaked'] };
const troops: Topic = { name: 'troops', keywords: ['troops'] };
const pairs = (conflicts: ReturnType<typeof findConflicts>) => conflicts.map((c) => `${c.topic}: ${c.asserts.actor.id} × ${c.denies.actor.id}`);

describe('findConflicts', () => {
  it('pairs each actor that asserts with each other actor that denies, on the same topic, with each side’s claims', () => {
    const conflicts = findConflicts(followUpStore().claims, [leak]);
    expect(pairs(conflicts)).toEqual([`leak: ${MAYOR[0]} × ${NORVANE[0]}`, `leak: ${MINISTRY[0]} × ${NORVANE[0]}`]);
    expect(conflicts[1]?.asserts.claims.map((c) => c.id)).toEqual(['3a00000000000005']);
    expect(conflicts[1]?.denies.claims.map((c) => c.date)).toEqual(['2025-03-03', '2025-03-04', '2025-03-06']);
  });

  it('“has not confirmed” opposes nothing', () => {
    const claims = followUpStore().claims.filter((c) => c.stance !== 'asserts');
    expect(findConflicts(claims, [leak])).toEqual([]);
  });

  it('opposite stances on different topics are no conflict', () => {
    const claims = [
      claim({ speaker: ['a', 'A'], stance: 'asserts', content: 'troops crossed the border' }),
      claim({ speaker: ['b', 'B'], stance: 'denies', content: 'chemicals leaked' }),
    ];
    expect(findConflicts(claims, [leak, troops])).toEqual([]);
  });

  it('an actor that both asserts and denies is never in conflict with itself, but is with others, topic by topic', () => {
    const claims = [
      claim({ speaker: ['a', 'A'], stance: 'asserts', content: 'troops crossed; chemicals leaked' }),
      claim({ speaker: ['a', 'A'], stance: 'denies', content: 'troops crossed' }),
      claim({ speaker: ['b', 'B'], stance: 'denies', content: 'chemicals leaked', date: '2024-01-01' }),
    ];
    expect(pairs(findConflicts(claims, [troops, leak]))).toEqual(['leak: a × b']);
  });
});
