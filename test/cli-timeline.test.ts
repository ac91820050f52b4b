// `claims timeline` in-process on the hand-written follow-up store.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';
import { FOLLOWUP_TOPICS, followUpStore } from './helpers/followup.js';

let store: string;
beforeEach(async () => {
  store = await tempStore(followUpStore());
  await writeFile(path.join(store, 'topics.json'), JSON.stringify(FOLLOWUP_TOPICS));
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);

interface JsonTimeline {
  actor: { id: string; name: string };
  changes: { from: string; to: string; date: string; claimId: string }[];
  claims: { id: string; date: string; stance: string; change: { from: string; to: string } | null; articleTitle: string }[];
}

describe('claims timeline', () => {
  it('--json: per actor, claims in date order, the change of stance with its date', async () => {
    const { code, stdout } = await inStore('timeline', '--topic', 'leak', '--json');
    expect(code).toBe(0);
    const timelines = JSON.parse(stdout) as JsonTimeline[];
    expect(timelines.map((t) => t.actor.name)).toEqual(['Hanna Orsk', 'environment ministry', 'Norvane Chemicals']);
    const ministry = timelines[1]!;
    expect(ministry.claims.map((c) => [c.date, c.stance, c.change])).toEqual([
      ['2025-03-03', 'unconfirmed', null],
      ['2025-03-06', 'asserts', { from: 'unconfirmed', to: 'asserts' }],
    ]);
    expect(ministry.changes).toMatchObject([{ from: 'unconfirmed', to: 'asserts', date: '2025-03-06', claimId: '3a00000000000005' }]);
    expect(ministry.claims[1]?.articleTitle).toBe('Ministry confirms chemicals leaked from Norvane plant');
    expect(timelines[2]?.changes).toEqual([]);
  });

  it('a table per actor, the change marked in the heading and on its row', async () => {
    const { code, stdout } = await inStore('timeline', '--topic', 'leak');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Timeline — topic “leak”: 6 claims by 3 actors, 1 change of stance\n/);
    expect(stdout).toContain('\nenvironment ministry — unconfirmed → asserts on 2025-03-06\n');
    expect(stdout).toMatch(/│ 2025-03-06 │ unconfirmed → asserts │ chemicals leaked from/);
    expect(stdout).toContain('\nNorvane Chemicals — no change of stance\n');
  });

  it('--changes keeps only actors who changed; --actor keeps one actor', async () => {
    const changed = JSON.parse((await inStore('timeline', '--changes', '--json')).stdout) as JsonTimeline[];
    expect(changed.map((t) => t.actor.id)).toEqual(['environment-ministry']);
    const one = JSON.parse((await inStore('timeline', '--actor', 'Norvane', '--json')).stdout) as JsonTimeline[];
    expect(one.map((t) => [t.actor.id, t.claims.length])).toEqual([['norvane-chemicals', 3]]);
  });

  it('CSV: one row per claim with the change', async () => {
    const lines = (await inStore('timeline', '--format', 'csv')).stdout.split('\r\n');
    expect(lines[0]).toBe('"actorId","actorName","date","stance","change","claimId","articleId","articleTitle","evidence"');
    expect(lines).toContainEqual(expect.stringMatching(/^"environment-ministry","environment ministry","2025-03-06","asserts","unconfirmed → asserts","3a00000000000005",/));
  });

  it('nothing matching: a note on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await inStore('timeline', '--topic', 'fishing');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^No claims match/);
  });
});
