// Property-based tests: whatever the text, the parser returns well-formed claims.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseResultSchema } from '../src/model.js';
import { parseArticle } from '../src/parse/index.js';
import { registry } from './helpers/parse.js';

// Text built from pieces that trigger the parser's rules, so random inputs reach them.
const piece = fc.constantFrom(
  'said', 'told reporters', 'denied', ' declined to comment', 'according to', 'citing', '"', '“', '”', '‘', '’', "'",
  ', ', '. ', '\n', '\n\n', ': ', 'he', 'She', 'The ministry', 'Dr. Ana Roe', 'on Monday', 'yesterday', 'Oct. 3',
  'Neither NATO nor', 'Both', ' and ', 'who', 'which', ' — ', 'SOURCE: AFP', 'By Jo Lin', '2025-03-14', 'NATO', 'Seoul',
);
const articleText = fc.oneof(fc.string({ maxLength: 400 }), fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 80 }).map((parts) => parts.join('')));

describe('parser properties', () => {
  it('never throws, keeps offsets inside the text and cites exactly the span it points to', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const result = parseArticle(text, { registry, fallbackYear: 2025 });
        ParseResultSchema.parse(result);
        for (const c of result.claims) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThanOrEqual(c.end);
          expect(text.slice(c.start, c.end)).toBe(c.sentence);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const a = parseArticle(text, { registry, fallbackYear: 2025 });
        const b = parseArticle(text, { registry, fallbackYear: 2025 });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
