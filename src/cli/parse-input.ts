// Reading and parsing articles for `parse` and `ingest`. The parser is imported
// here, on demand, so `claims --help` and the read-only commands never load it.
import { readArticle, DEFAULT_MAX_BYTES } from '../input/index.js';
import { ClaimsError } from '../errors.js';
import type { ActorRegistry, ParseResult } from '../model.js';
import type { CliIo } from './io.js';

export interface ParsedInput {
  origin: string;
  parsed: ParseResult;
}

export async function readAndParse(
  source: string,
  registry: ActorRegistry,
  io: CliIo,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<ParsedInput> {
  const input = await readArticle(source, { maxBytes, stdin: io.stdin });
  const { parseArticle } = await import('../parse/index.js');
  try {
    return { origin: input.origin, parsed: parseArticle(input.text, { registry, origin: input.origin }) };
  } catch (err) {
    if (err instanceof ClaimsError) throw err;
    throw new Error(`the parser failed on ${input.origin === '-' ? 'standard input' : `'${input.origin}'`}: ${(err as Error).message}`, { cause: err });
  }
}
