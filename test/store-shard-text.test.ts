// Packing an article's claims for the store write (src/store/shard-text.ts): what a
// parse worker sends and the main thread unpacks must be each claim, field for
// field, with its text exactly as the shard holds it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleArticle, sampleClaim } from './helpers/store.js';
import type { Claim } from '../src/model.js';
import { prepareResult, shardText, unpackClaims } from '../src/store/shard-text.js';

const decoder = new TextDecoder();

/** Speakers drawn from a few, so that an article quotes some of them more than once; any text in their names. */
const speakers = fc.array(fc.record({ id: fc.string({ minLength: 1 }), name: fc.string(), mention: fc.string() }), { minLength: 1, maxLength: 4 });
const articles = speakers.chain((pool) =>
  fc.array(
    fc.record({
      speaker: fc.constantFrom(...pool),
      content: fc.string({ unit: 'binary' }),
      // Ids of any length and any characters.
      id: fc.string({ unit: 'binary', maxLength: 20 }),
      articleId: fc.constantFrom('a1', 'a1', 'a2'),
    }),
    { maxLength: 12 },
  ),
);

describe("a claim's shard text", () => {
  const text = fc.string({ unit: 'binary', maxLength: 30 });
  const textOrNull = fc.option(text, { nil: null });
  const claim = fc.record({
    id: text,
    articleId: text,
    speaker: fc.record({ id: text, name: text, mention: text }),
    stance: fc.constantFrom('asserts', 'denies', 'unconfirmed'),
    date: textOrNull,
    dateText: textOrNull,
    content: text,
    quote: textOrNull,
    sentence: text,
    start: fc.oneof(fc.nat(), fc.double()),
    end: fc.nat(),
    cue: text,
  });

  it('is exactly what JSON.stringify gives, whatever the strings and numbers, and for claims of other shapes', () => {
    fc.assert(
      fc.property(
        claim,
        // Made as the parser makes claims, or with topics, a field missing, or the fields in another order.
        fc.constantFrom('plain', 'topics', 'missing', 'reordered'),
        (drawn, shape) => {
          let value: Record<string, unknown> = drawn;
          if (shape === 'topics') value = { ...drawn, topics: ['war'] };
          if (shape === 'missing') value = { ...drawn, quote: undefined };
          if (shape === 'reordered') value = Object.fromEntries(Object.entries(drawn).reverse());
          const claims = [value as unknown as Claim];
          expect(shardText('s', unpackClaims(prepareResult({ article: sampleArticle('a1'), claims }).claims))).toBe(
            `${JSON.stringify({ speakerId: 's', claims }, null, 2)}\n`,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('prepareResult and unpackClaims', () => {
  it('give back every claim, field for field, with its shard text, after crossing threads', () => {
    fc.assert(
      fc.property(articles, (drawn) => {
        const claims: Claim[] = drawn.map((d) => sampleClaim(d.id, { speaker: d.speaker, content: d.content, articleId: d.articleId }));
        const packed = structuredClone(prepareResult({ article: sampleArticle('a1'), claims }).claims);
        const unpacked = unpackClaims(packed);
        expect(unpacked.map((c) => [c.id, c.articleId, c.speakerId, c.name, c.mention])).toEqual(
          claims.map((c) => [c.id, c.articleId, c.speaker.id, c.speaker.name, c.speaker.mention]),
        );
        // The text is the claim as JSON.stringify puts it in a shard: parsed back, it is the claim.
        unpacked.forEach((c, i) => expect(JSON.parse(decoder.decode(c.text as Uint8Array))).toEqual(claims[i]));
        expect(shardText('s', unpacked)).toBe(`${JSON.stringify({ speakerId: 's', claims }, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps each speaker of an article once, however often it is quoted', () => {
    const nis = { id: 'seoul-nis', name: 'Seoul NIS', mention: 'the NIS' };
    const kcna = { id: 'kcna', name: 'KCNA', mention: 'KCNA' };
    const claims = [nis, kcna, nis, nis, kcna].map((speaker, i) => sampleClaim(`c${i}`, { speaker }));
    const packed = prepareResult({ article: sampleArticle('a1'), claims }).claims;
    expect(packed.count).toBe(5);
    expect(packed.keys).toEqual(['a1', 'seoul-nis', 'Seoul NIS', 'the NIS', 'a1', 'kcna', 'KCNA', 'KCNA']);
    expect(packed.keyAt).toEqual([0, 4, 0, 0, 4]);
  });

  it('keeps each speaker once in an article quoting many (past the short list it first compares with)', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ id: `s${i}`, name: `Speaker ${i}`, mention: i % 2 ? `speaker ${i}` : `Speaker ${i}` }));
    // Every speaker quoted, then every one again in another order, then the first once more.
    const order = [...many, ...[...many].reverse(), many[0]!];
    const claims = order.map((speaker, i) => sampleClaim(`c${i}`, { speaker }));
    const packed = structuredClone(prepareResult({ article: sampleArticle('a1'), claims }).claims);
    expect(packed.keys).toHaveLength(4 * many.length);
    expect(packed.keyAt).toEqual(order.map((speaker) => 4 * many.indexOf(speaker)));
    expect(unpackClaims(packed).map((c) => [c.speakerId, c.name, c.mention])).toEqual(order.map((s) => [s.id, s.name, s.mention]));
  });
});
