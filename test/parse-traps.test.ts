import { describe, expect, it } from 'vitest';
import { brief, parse, registry } from './helpers/parse.js';
import { parseArticle } from '../src/parse/index.js';

describe('things that are not claims', () => {
  it.each([
    ['narration', 'Shares in Valcrest fell 11 percent on Monday.'],
    ['passive "denied"', 'A request by several families to send a dive team was denied by port authorities.'],
    ['"denied" a request', 'On Monday the commission denied Mendel’s request for a recount.'],
    ['"was denied entry"', 'Earlier that year she had been denied entry to a road race.'],
    ['a noun, not a verb', 'Seoul’s claims drew an angry response.'],
    ['"reports of"', 'Reports of a record bid continued to swirl.'],
    ['posting a photo is no statement', 'A pro-Russia account posted a photo of two flags.'],
  ])('%s', (_name, body) => {
    expect(brief(body)).toEqual([]);
  });

  it('does not credit a source with words reported by another (nested attribution)', () => {
    const out = brief('Elena Ross, a UN spokeswoman, said yesterday that the United Nations could not independently verify either account.');
    expect(out.map((c) => c.speaker)).toEqual(['Elena Ross']);
  });

  it('reads a word that names an object property ("constructor") as a word, not a pronoun', () => {
    expect(brief('Constructor Bouygues said the bridge was safe.').map((c) => c.speaker)).toEqual(['Constructor Bouygues']);
  });

  it('skips the headline', () => {
    expect(parse('Nothing was said here.').claims).toEqual([]);
    const text = 'Minister denies everything, aide says\nMay 2, 2025\n\nThe weather was fine.';
    expect(parseArticle(text, { registry }).claims).toEqual([]);
  });
});

describe('claims as records', () => {
  const body = 'The hospital said 300 operations were postponed. "We are coping," Dr. Helen Mar told reporters.';

  it('gives offsets that slice the evidence out of the article text', () => {
    const text = `H\nMay 2, 2025\n\n${body}`;
    const { claims } = parseArticle(text, { registry });
    expect(claims.length).toBe(2);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.sentence);
  });

  it('gives the same ids when the same text is parsed again, and other ids for other text', () => {
    const a = parse(body).claims.map((c) => c.id);
    const b = parse(body).claims.map((c) => c.id);
    const c = parse(`${body} More.`).claims.map((x) => x.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    expect(c).not.toEqual(a);
  });

  it('records the cue and the quotation', () => {
    const [, quoted] = parse(body).claims;
    expect(quoted!.cue).toBe('told');
    expect(quoted!.quote).toBe('We are coping,');
    expect(quoted!.content).toBe('We are coping,');
  });
});
