// What crosses from a parse worker to the main thread (src/cli/parse-pool.ts): a
// worker sends each key string once and its number after that, and the main
// thread's table must give back every string of every article, also when the
// worker's table fills up and starts again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleArticle, sampleClaim } from './helpers/store.js';
import { fromWire, StringsIn, StringsOut, toWire, type ItemsMessage, type PreparedItem } from '../src/cli/parse-pool.js';
import { prepareResult } from '../src/store/shard-text.js';

/** An article whose claims quote speakers drawn from `pool`. */
function article(id: string, speakers: { id: string; name: string; mention: string }[]): PreparedItem {
  const claims = speakers.map((speaker, i) => sampleClaim(`${id}-c${i}`, { speaker, articleId: id }));
  return { origin: `${id}.txt`, record: false, prepared: prepareResult({ article: sampleArticle(id), claims }) };
}

const speaker = fc.constantFrom(
  { id: 'seoul-nis', name: 'Seoul NIS', mention: 'the NIS' },
  { id: 'seoul-nis', name: 'Seoul NIS', mention: "Seoul's spy agency" },
  { id: 'kcna', name: 'KCNA', mention: 'KCNA' },
  { id: 'nato', name: 'NATO', mention: 'the alliance' },
  { id: 'x', name: '', mention: ' ' },
);

describe('key strings sent once per worker', () => {
  it('come back as they were, article after article, message after message, across table resets', () => {
    fc.assert(
      fc.property(
        // Messages of articles of claims; a table of at most `limit` strings.
        fc.array(fc.array(fc.array(speaker, { maxLength: 4 }), { maxLength: 4 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (messages, limit) => {
          const out = new StringsOut(limit);
          const into = new StringsIn();
          let n = 0;
          for (const message of messages) {
            const items = message.map((speakers) => article(`a${n++}`, speakers));
            const sent: ItemsMessage = structuredClone({ items: items.map((item, id) => ({ id, item: toWire(item, out) })), done: [], strings: out.take() });
            into.receive(sent.strings);
            sent.items.forEach(({ item }, i) => expect(fromWire(item, into)).toEqual(items[i]));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends a string the first time only, until the table starts again', () => {
    const out = new StringsOut(6);
    const nis = { id: 'seoul-nis', name: 'Seoul NIS', mention: 'the NIS' };
    toWire(article('a1', [nis, nis]), out);
    // a1, seoul-nis, Seoul NIS, the NIS: four strings, each once.
    expect(out.take()).toEqual({ reset: false, added: ['a1', 'seoul-nis', 'Seoul NIS', 'the NIS'] });
    toWire(article('a2', [nis]), out);
    expect(out.take()).toEqual({ reset: false, added: ['a2'] });
    // Five strings now, under the limit of six; a3 makes six, so the next message starts again.
    toWire(article('a3', [nis]), out);
    expect(out.take()).toEqual({ reset: false, added: ['a3'] });
    toWire(article('a4', [nis]), out);
    expect(out.take()).toEqual({ reset: true, added: ['a4', 'seoul-nis', 'Seoul NIS', 'the NIS'] });
  });

  it('refuses a number it was never sent rather than give a wrong speaker', () => {
    const into = new StringsIn();
    into.receive({ reset: false, added: ['a1'] });
    expect(() => into.text(1)).toThrow(/never sent/);
  });
});
