// Regression guard on articles written for this project (test/fixtures/corpus): eight
// stories in other outlets' styles, annotated by the rules of the evaluation kit. The
// matching mirrors the kit's scorer: a claim counts when speaker and evidence match,
// and fully when stance and date are right too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/model.js';
import { parseArticle } from '../src/parse/index.js';
import { registry } from './helpers/parse.js';

interface Gold {
  speaker: string[];
  stance: string;
  date: string | string[] | null;
  evidence: string;
  optional?: boolean;
}

const dir = join(import.meta.dirname, 'fixtures/corpus');
const norm = (s: string) =>
  s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/'s\b/g, '').replace(/[^a-z0-9]+/g, ' ').replace(/^(the|a|an) /, '').trim();
const words = (s: string) => norm(s).split(' ').filter((w) => w.length > 2);

function speakerMatches(g: Gold, c: Claim): boolean {
  const names = [c.speaker.name, c.speaker.mention].map(norm).filter((x) => x.length >= 2);
  return names.some((p) => g.speaker.map(norm).some((a) => a === p || (a.length >= 3 && p.includes(a)) || (p.length >= 4 && a.includes(p))));
}
function evidenceMatches(g: Gold, c: Claim): boolean {
  const have = norm([c.sentence, c.quote ?? '', c.content].join(' '));
  if (have.includes(norm(g.evidence))) return true;
  const hw = new Set(words(have));
  const gw = words(g.evidence);
  return gw.length > 0 && gw.filter((w) => hw.has(w)).length / gw.length >= 0.7;
}

function score() {
  let gold = 0, found = 0, full = 0, unmatched = 0, predicted = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
    const g = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { article: string; claims: Gold[] };
    const claims = parseArticle(readFileSync(join(dir, g.article), 'utf8'), { registry, fallbackYear: 2025 }).claims;
    const used = new Set<number>();
    // Required claims pick first, so an optional twin cannot take their match.
    for (const want of [...g.claims].sort((a, b) => Number(!!a.optional) - Number(!!b.optional))) {
      const i = claims.findIndex((c, k) => !used.has(k) && speakerMatches(want, c) && evidenceMatches(want, c));
      if (i >= 0) used.add(i);
      if (want.optional) continue;
      gold++;
      if (i < 0) continue;
      found++;
      const dates = Array.isArray(want.date) ? want.date : [want.date];
      if (claims[i]!.stance === want.stance && dates.includes(claims[i]!.date)) full++;
    }
    predicted += claims.length;
    unmatched += claims.length - used.size;
  }
  return { gold, found, full, precision: 1 - unmatched / predicted };
}

describe('own corpus', () => {
  it('finds and gets right most attributions in articles the rules were not written from', () => {
    const { gold, found, full, precision } = score();
    expect(gold).toBeGreaterThan(150);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(found / gold).toBeGreaterThanOrEqual(0.9);
    expect(full / gold).toBeGreaterThanOrEqual(0.85);
  });
});
