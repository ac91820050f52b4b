// `claims conflicts` in-process on the hand-written follow-up store.
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

interface JsonSide {
  actor: { id: string; name: string };
  claims: { id: string; date: string; evidence: string; sentence: string }[];
}

describe('claims conflicts', () => {
  it('--json: the opposing pairs with each side’s evidence', async () => {
    const { code, stdout } = await inStore('conflicts', '--topic', 'leak', '--json');
    expect(code).toBe(0);
    const conflicts = JSON.parse(stdout) as { topic: string; asserts: JsonSide; denies: JsonSide }[];
    expect(conflicts.map((c) => [c.topic, c.asserts.actor.name, c.denies.actor.name])).toEqual([
      ['leak', 'Hanna Orsk', 'Norvane Chemicals'],
      ['leak', 'environment ministry', 'Norvane Chemicals'],
    ]);
    expect(conflicts[1]?.asserts.claims[0]?.sentence).toBe(
      'The environment ministry confirmed on Thursday that chemicals leaked from the plant into the Brenn river.',
    );
    expect(conflicts[1]?.denies.claims.map((c) => c.evidence)).toContain('its plant was the source of the leak.');
  });

  it('a heading per pair and a table of both sides', async () => {
    const { stdout } = await inStore('conflicts');
    expect(stdout).toMatch(/^Conflicts — 2 pairs of actors on 1 topic\n\nleak: Hanna Orsk asserts, Norvane Chemicals denies\n/);
    expect(stdout).toMatch(/│ environment ministry +│ asserts │ 2025-03-06 │ chemicals leaked /);
  });

  it('--actor keeps the pairs with that actor on either side; --until drops later claims', async () => {
    const withMayor = JSON.parse((await inStore('conflicts', '--actor', 'Hanna Orsk', '--json')).stdout) as unknown[];
    expect(withMayor).toHaveLength(1);
    const early = JSON.parse((await inStore('conflicts', '--until', '2025-03-05', '--json')).stdout) as { asserts: JsonSide }[];
    expect(early.map((c) => c.asserts.actor.name)).toEqual(['Hanna Orsk']);
  });

  it('none: a note on stderr', async () => {
    const { code, stdout, stderr } = await inStore('conflicts', '--topic', 'fishing');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('No conflicts: no actor denies what another asserts on “fishing”.\n');
  });
});
