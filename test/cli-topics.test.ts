// `claims topics` and `--topic` in-process, on a store written by hand.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dprkStore, tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';

let store: string;
beforeEach(async () => {
  store = await tempStore(dprkStore());
  await writeFile(
    path.join(store, 'topics.json'),
    JSON.stringify({ version: 1, topics: [{ name: 'deployment', keywords: ['troops', 'forces', 'deployment'] }, { name: 'ferries', keywords: ['ferry'] }, { name: 'doping', keywords: ['epo'] }] }),
  );
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);

describe('claims topics', () => {
  it('--json: every topic with its keywords and counts', async () => {
    const { code, stdout } = await inStore('topics', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { name: 'deployment', keywords: ['troops', 'forces', 'deployment'], claims: 5, counts: { asserts: 1, denies: 1, unconfirmed: 3 }, actors: 5, articles: 1 },
      { name: 'ferries', keywords: ['ferry'], claims: 1, counts: { asserts: 0, denies: 1, unconfirmed: 0 }, actors: 1, articles: 1 },
      { name: 'doping', keywords: ['epo'], claims: 0, counts: { asserts: 0, denies: 0, unconfirmed: 0 }, actors: 0, articles: 0 },
    ]);
  });

  it('a table for people, a dot for none', async () => {
    const { code, stdout } = await inStore('topics');
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ Topic +│ Keywords +│ Claims │ Asserts │ Denies │ Unconfirmed │ Actors │/);
    expect(stdout).toMatch(/│ doping +│ epo +│ +· │ +· │ +· │ +· │ +· │/);
  });

  it('an unknown --topic is an error that names the topics there are', async () => {
    const { code, stderr } = await inStore('timeline', '--topic', 'elections');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: no topic is called 'elections'\nhint: the topics are deployment, ferries, doping/);
  });
});
