// A stand-in for src/parse in in-process CLI tests, so `parse` and `ingest` can be
// tested for what the CLI does (reading, storing, counting, rendering) whatever
// the real parser finds. It knows one construction: a line `<Speaker> said|denied|
// has not confirmed <content>.` gives one claim. Like the parser, it lets `meta`
// win over the text and takes the article id from meta.url when there is one.
import { createHash } from 'node:crypto';
import type { Claim, ParseResult } from '../../src/model.js';
import type { ParseOptions } from '../../src/parse/index.js';

const STANCE = { said: 'asserts', denied: 'denies', 'has not confirmed': 'unconfirmed' } as const;

export function fakeParseArticle(text: string, options: ParseOptions): ParseResult {
  const hash = createHash('sha256').update(text).digest('hex');
  const textId = `art-${hash.slice(0, 12)}`;
  const meta = options.meta ?? {};
  const articleId = meta.url ? `url-${createHash('sha256').update(meta.url).digest('hex').slice(0, 12)}` : textId;
  const title = meta.title ?? text.split('\n', 1)[0]?.trim() ?? '';
  const claims: Claim[] = [];
  const pattern = /^([A-Z][^\n]*?) (said|denied|has not confirmed) ([^\n]+)\.$/gm;
  for (const match of text.matchAll(pattern)) {
    const [sentence, mention = '', cue = 'said', content = ''] = match;
    const start = match.index;
    const actor = options.registry.actors.find((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase() === mention.toLowerCase()));
    claims.push({
      id: createHash('sha256').update(`${textId}:${start}`).digest('hex').slice(0, 16),
      articleId,
      speaker: { id: actor?.id ?? mention.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name: actor?.name ?? mention, mention },
      stance: STANCE[cue as keyof typeof STANCE],
      date: meta.date ?? '2024-10-22',
      dateText: null,
      content,
      quote: null,
      sentence,
      start,
      end: start + sentence.length,
      cue,
    });
  }
  return {
    article: {
      id: articleId,
      title,
      date: meta.date ?? '2024-10-22',
      source: meta.source ?? null,
      byline: meta.byline ?? null,
      origin: options.origin ?? null,
      url: meta.url ?? null,
      textHash: hash,
      length: text.length,
    },
    claims,
  };
}
