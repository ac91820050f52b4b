// End to end on the follow-up fixtures (test/fixtures/followup/), parsed by the real
// parser: one story over three days in which the environment ministry goes from "has
// not confirmed" to "confirmed", Norvane Chemicals denies throughout (repeating its
// denial in a second article), and the mayor asserts.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimReviewDocumentSchema } from '../src/model.js';
import { tempStore } from './helpers/claims.js';
import { claims, FIXTURES } from './helpers/spawn.js';

const DAYS = ['day1-leak-unconfirmed.txt', 'day2-company-repeats.txt', 'day3-ministry-confirms.txt'].map((f) => path.join(FIXTURES, 'followup', f));

interface JsonClaim {
  id: string;
  articleId: string;
  date: string;
  stance: string;
  content: string;
  speaker: { id: string; name: string; mention: string };
  repeats?: { articles: number; firstDate: string; appearances: { id: string; articleId: string; date: string }[] };
}

let store: string;
const inStore = (...args: string[]) => claims(['--store', store, ...args]);
const json = async <T>(...args: string[]): Promise<T> => {
  const { code, stdout, stderr } = await inStore(...args, '--json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as T;
};

beforeAll(async () => {
  store = await tempStore();
  const { code, stderr } = await inStore('ingest', ...DAYS);
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 30_000);

describe('the follow-up story', () => {
  it('timeline: the ministry’s change from unconfirmed to asserts is marked on 6 March, after 3 March', async () => {
    const timelines = await json<{ actor: { id: string }; changes: { from: string; to: string; date: string; previousDate: string }[] }[]>('timeline', '--topic', 'safety');
    const ministry = timelines.find((t) => t.actor.id === 'environment-ministry');
    expect(ministry?.changes).toEqual([expect.objectContaining({ from: 'unconfirmed', to: 'asserts', date: '2025-03-06', previousDate: '2025-03-03' })]);
    expect(timelines.find((t) => t.actor.id === 'norvane-chemicals')?.changes).toEqual([]);
    const table = await inStore('timeline', '--topic', 'safety', '--changes');
    expect(table.stdout).toContain('environment ministry — unconfirmed → asserts on 2025-03-06');
  });

  it('conflicts: the ministry and the mayor assert the leak that Norvane Chemicals denies', async () => {
    const conflicts = await json<{ topic: string; asserts: { actor: { id: string } }; denies: { actor: { id: string }; claims: { date: string }[] } }[]>('conflicts', '--topic', 'safety');
    expect(conflicts.map((c) => `${c.asserts.actor.id} × ${c.denies.actor.id}`)).toEqual(['hanna-orsk × norvane-chemicals', 'environment-ministry × norvane-chemicals']);
    expect(conflicts[1]?.denies.claims.map((c) => c.date)).toEqual(['2025-03-03', '2025-03-04', '2025-03-06']);
  });

  it('repeats: the denial and the spokesman’s quote, each in two articles, are listed once with both appearances', async () => {
    const all = await json<JsonClaim[]>('list');
    const deduped = await json<JsonClaim[]>('list', '--dedupe');
    expect(deduped.length).toBe(all.length - 2);
    const denial = deduped.find((c) => c.speaker.id === 'norvane-chemicals' && c.repeats!.articles > 1);
    expect(denial?.date).toBe('2025-03-03');
    expect(denial?.repeats?.appearances.map((a) => a.date)).toEqual(['2025-03-03', '2025-03-04']);
    const quote = deduped.find((c) => c.speaker.id === 'tomas-veld');
    expect(quote?.repeats?.articles).toBe(2);
    const second = denial!.repeats!.appearances[1]!.id;
    const shown = await inStore('show', second);
    expect(shown.stdout).toMatch(/Repeated in 2 articles, first on 2025-03-03:\n {2}2025-03-03 {2}Ministry has not confirmed chemical leak at Norvane plant {2}claim \w+\n {2}2025-03-04 {2}Norvane repeats denial as Lorvik residents demand answers {2}claim \w+ {2}← this claim\n/);
  });

  it('export --format claimreview: one review for the repeated denial, with both articles as appearances', async () => {
    const doc = ClaimReviewDocumentSchema.parse(JSON.parse((await inStore('export', '--format', 'claimreview')).stdout));
    const denial = doc['@graph'].find((r) => r.itemReviewed.author.name === 'Norvane Chemicals' && r.itemReviewed.appearance.length > 1);
    expect(denial?.itemReviewed.appearance.map((a) => a.headline)).toEqual([
      'Ministry has not confirmed chemical leak at Norvane plant',
      'Norvane repeats denial as Lorvik residents demand answers',
    ]);
  });

  it('report --topic safety: the file has the matrix, the chart, the change and the conflict', async () => {
    const out = path.join(await tempStore(), 'safety.html');
    expect((await inStore('report', '--topic', 'safety', '--out', out)).code).toBe(0);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<table class="matrix">');
    expect(page).toMatch(/<svg [^>]*class="timeline-chart"/);
    expect(page).toMatch(/environment ministry<\/a>: <span class="change">unconfirmed → asserts<\/span> on 2025-03-06/);
    expect(page).toContain('safety: <a href="#actor-environment-ministry">environment ministry</a> asserts, <a href="#actor-norvane-chemicals">Norvane Chemicals</a> denies');
  });
});

describe('actors shaped by the user (run last: they change the store)', () => {
  it('merge re-resolves stored claims, and the next article is parsed with the new registry', async () => {
    const merged = await inStore('actors', 'merge', 'Tomas Veld', 'Norvane Chemicals');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('2 stored claims now name Norvane Chemicals.');
    const listed = await json<JsonClaim[]>('list', '--actor', 'Norvane Chemicals');
    expect(listed.filter((c) => c.speaker.mention === 'company spokesman Tomas Veld')).toHaveLength(2);
    const day4 = path.join(store, '..', `${path.basename(store)}-day4.txt`);
    await writeFile(day4, 'Norvane to pay for clean-up\nFriday 7 March 2025\n\nThe clean-up will take a month, Tomas Veld said on Friday.\n');
    expect((await inStore('ingest', day4)).code).toBe(0);
    const after = await json<JsonClaim[]>('list', '--since', '2025-03-07');
    expect(after.map((c) => [c.speaker.id, c.speaker.mention])).toEqual([['norvane-chemicals', 'Tomas Veld']]);
  });

  it('add and alias write the registry; the actors list shows them', async () => {
    expect((await inStore('actors', 'alias', 'Hanna Orsk', 'the mayor', '--kind', 'person')).code).toBe(0);
    expect((await inStore('actors', 'add', 'Lorvik Herald', '--alias', 'the Herald')).code).toBe(0);
    const actors = await json<{ id: string; inRegistry: boolean; aliases: string[] }[]>('actors');
    expect(actors.find((a) => a.id === 'hanna-orsk')).toMatchObject({ inRegistry: true, aliases: ['the mayor'] });
    expect(actors.find((a) => a.id === 'lorvik-herald')).toMatchObject({ inRegistry: true, aliases: ['the Herald'] });
  });
});
