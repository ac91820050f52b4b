// `claims export --format claimreview`: schema.org ClaimReview JSON-LD.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClaimReviewDocumentSchema } from '../src/model.js';
import { tempStore } from './helpers/claims.js';
import { run } from './helpers/cli.js';
import { followUpStore } from './helpers/followup.js';

let store: string;
beforeEach(async () => {
  store = await tempStore(followUpStore());
  await writeFile(
    path.join(store, 'actors.json'),
    JSON.stringify({ version: 1, actors: [{ id: 'hanna-orsk', name: 'Hanna Orsk', kind: 'person' }, { id: 'norvane-chemicals', name: 'Norvane Chemicals' }] }),
  );
});
const inStore = (...argv: string[]) => run(['--store', store, ...argv]);

describe('export --format claimreview', () => {
  it('is a JSON-LD graph of ClaimReviews of the schema’s shape, one per claim, repeats once', async () => {
    const { code, stdout } = await inStore('export', '--format', 'claimreview');
    expect(code).toBe(0);
    const doc = ClaimReviewDocumentSchema.parse(JSON.parse(stdout));
    expect(doc['@context']).toBe('https://schema.org');
    // Six claims, one of them a repeat.
    expect(doc['@graph']).toHaveLength(5);
  });

  it('the speaker is the Claim’s author, typed from the registry; the article is its appearance', async () => {
    const doc = ClaimReviewDocumentSchema.parse(JSON.parse((await inStore('export', '--format', 'claimreview')).stdout));
    const mayor = doc['@graph'].find((r) => r.identifier === '1c00000000000003');
    expect(mayor).toEqual({
      '@type': 'ClaimReview',
      identifier: '1c00000000000003',
      claimReviewed: 'chemicals had leaked into the river from the plant.',
      reviewBody: 'Hanna Orsk asserts it (cue: “said”). Evidence: “Lorvik mayor Hanna Orsk said on Sunday that chemicals had leaked into the river from the plant.”',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Hanna Orsk' },
        datePublished: '2025-03-02',
        appearance: [
          {
            '@type': 'NewsArticle',
            identifier: 'day1',
            headline: 'Ministry has not confirmed chemical leak at Norvane plant',
            datePublished: '2025-03-03',
            publisher: { '@type': 'Organization', name: 'Valley Courier' },
          },
        ],
        firstAppearance: expect.objectContaining({ identifier: 'day1' }),
      },
    });
    expect(mayor).not.toHaveProperty('reviewRating');
  });

  it('a claim repeated by two articles has both as appearances, the first as firstAppearance', async () => {
    const doc = ClaimReviewDocumentSchema.parse(JSON.parse((await inStore('export', '--format', 'claimreview')).stdout));
    const denial = doc['@graph'].find((r) => r.identifier === '1b00000000000002');
    expect(denial?.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Norvane Chemicals' });
    expect(denial?.itemReviewed.appearance.map((a) => [a.identifier, a.datePublished])).toEqual([['day1', '2025-03-03'], ['day2', '2025-03-04']]);
    expect(denial?.itemReviewed.firstAppearance.identifier).toBe('day1');
    expect(denial?.reviewBody).toMatch(/^Norvane Chemicals denies it \(cue: “denied”\)/);
    expect(doc['@graph'].some((r) => r.identifier === '2b00000000000004')).toBe(false);
  });

  it('--out writes the file and says how many reviews', async () => {
    const out = path.join(await tempStore(), 'reviews.jsonld');
    const { code, stderr } = await inStore('export', '--format', 'claimreview', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toBe(`Wrote 5 claim reviews to ${out}\n`);
    ClaimReviewDocumentSchema.parse(JSON.parse(await readFile(out, 'utf8')));
  });

  it('--json with --format claimreview is a contradiction', async () => {
    const { code, stderr } = await inStore('--json', 'export', '--format', 'claimreview');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --json and --format claimreview ask for different formats/);
  });
});
