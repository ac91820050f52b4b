// Reading and parsing articles for `parse` and `ingest`: each source gives its
// articles one at a time (a file or a page gives one, NDJSON one per line) and
// each is parsed as it arrives, so a long stream is never held whole. The parser
// is imported here, on demand, so `claims --help` and the read-only commands never
// load it (nor the HTML modules, which src/input loads only for a page).
import { ClaimsError } from '../errors.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, describeOrigin, readSource, type InputFormat } from '../input/index.js';
import type { ActorRegistry, ParseResult } from '../model.js';
import type { CliIo } from './io.js';

export interface InputSettings {
  maxBytes?: number;
  /** --input-format */
  inputFormat?: InputFormat;
  /** --timeout, in ms */
  timeoutMs?: number;
}

/** One article read and parsed, or the reason it could not be. `record` marks an NDJSON line. */
export type ParsedItem =
  | { origin: string; record: boolean; parsed: ParseResult }
  | { origin: string; record: boolean; error: unknown };

export async function* parseSources(
  sources: readonly string[],
  registry: ActorRegistry,
  io: Pick<CliIo, 'stdin'>,
  settings: InputSettings = {},
): AsyncGenerator<ParsedItem> {
  let parseArticle: typeof import('../parse/index.js').parseArticle | undefined;
  const options = {
    maxBytes: settings.maxBytes ?? DEFAULT_MAX_BYTES,
    stdin: io.stdin,
    format: settings.inputFormat,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  for (const source of sources) {
    for await (const item of readSource(source, options)) {
      const record = item.origin !== source;
      if ('error' in item) {
        yield { origin: item.origin, record, error: item.error };
        continue;
      }
      parseArticle ??= (await import('../parse/index.js')).parseArticle;
      const { origin, text, meta } = item.article;
      try {
        yield { origin, record, parsed: parseArticle(text, { registry, origin, meta }) };
      } catch (err) {
        const error = err instanceof ClaimsError ? err : new Error(`the parser failed on ${describeOrigin(origin)}: ${(err as Error).message}`, { cause: err });
        yield { origin, record, error };
      }
    }
  }
}

/** The one-line message for a failed item, as printed after `error: `. */
export function failureMessage(error: unknown): string {
  if (error instanceof ClaimsError) return error.message;
  return `unexpected failure: ${(error as Error).message} (a bug in claims: run again with --debug and report it)`;
}
