// `claims parse <input>`: extract the claims of an article (a file, a web page, a
// URL or standard input) and print them; stores nothing. Given NDJSON records it
// is a streaming filter: each record is parsed and printed before the next is
// read, so it can run as a stage of a batch job over any amount of input.
import type { Command } from 'commander';
import { ClaimsError } from '../../errors.js';
import { formatOfPath, type InputFormat } from '../../input/index.js';
import type { Claim, ParseResult } from '../../model.js';
import { readRegistry } from '../../store/index.js';
import { claimsCsvWithArticles, claimsTable } from '../claims-view.js';
import { makeContext, type Context } from '../context.js';
import { writeAndWait, type CliIo } from '../io.js';
import { examples, formatOption, inputFormatOption, maxBytesOption, timeoutOption } from '../options.js';
import { failureMessage, parseSources } from '../parse-input.js';
import { FORMATS, renderCsv, renderJson, renderNdjson, sanitizeInline, type Format } from '../render/index.js';

interface ParseOptions {
  format?: Format;
  maxBytes?: number;
  inputFormat?: InputFormat;
  timeout?: number;
}

export function registerParse(program: Command, io: CliIo): void {
  program
    .command('parse')
    .description('extract the claims of an article and print them, without storing anything')
    .argument('<input>', 'article file (text, HTML or NDJSON), an http(s) URL, or - to read standard input')
    .addOption(formatOption(FORMATS, 'table'))
    .addOption(inputFormatOption())
    .addOption(maxBytesOption())
    .addOption(timeoutOption())
    .addHelpText(
      'after',
      examples([
        ['claims parse article.txt', 'a table of the claims found'],
        ['claims parse article.txt --json', '{ article, claims } as JSON'],
        ['claims parse https://example.com/news/story', 'fetch a web page and parse its story'],
        ['pbpaste | claims parse -', 'parse text from standard input'],
        ['claims parse - --input-format ndjson --format ndjson < part-00017.ndjson', 'a stream of records in, a stream of claims out'],
      ]),
    )
    .action(async (input: string, opts: ParseOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const registry = await readRegistry(ctx.storeDir());
      const out = printer(ctx, format);
      let records = 0;
      const failed: string[] = [];
      for await (const item of parseSources([input], registry, io, { maxBytes: opts.maxBytes, inputFormat: opts.inputFormat, timeoutMs: opts.timeout })) {
        if (!item.record) {
          // One article: its error is the command's error, as for any one file.
          if ('error' in item) throw item.error;
          await out.single(item.parsed);
          continue;
        }
        records++;
        if ('error' in item) {
          failed.push(item.origin);
          ctx.note(`${ctx.chalk.red('error:')} ${sanitizeInline(failureMessage(item.error))}`);
          continue;
        }
        // Stops quietly once stdout is closed (`| head`).
        if (!(await out.record(item.parsed))) return;
      }
      // Records (even none, from an empty stream) make a JSON array or a CSV sheet; end it.
      if (records > 0 || (opts.inputFormat ?? formatOfPath(input)) === 'ndjson') await out.end();
      if (failed.length > 0) {
        throw new ClaimsError(`${failed.length} of ${records} records could not be parsed`, {
          code: 'INPUT_INVALID',
          hint: 'the errors above name each record by line; the claims of the other records were printed',
        });
      }
    });
}

interface Printer {
  /** One article (not a stream of records): printed as it always was. */
  single(parsed: ParseResult): Promise<void>;
  /** One record of a stream; false once stdout is closed. */
  record(parsed: ParseResult): Promise<boolean>;
  end(): Promise<void>;
}

function printer(ctx: Context, format: Format): Printer {
  const write = (text: string) => writeAndWait(ctx.io.stdout, text);
  let printed = 0;
  return {
    async single(parsed) {
      await write(renderOne(ctx, format, parsed));
    },
    async record(parsed) {
      const { article, claims } = parsed;
      let text: string;
      switch (format) {
        case 'ndjson':
          text = renderNdjson(claims);
          break;
        case 'json':
          // A JSON array of { article, claims }, written one element at a time.
          text = `${printed === 0 ? '[\n' : ',\n'}${renderJson(parsed).trimEnd()}`;
          break;
        case 'csv': {
          const sheet = renderCsv(claimsCsvWithArticles(claims, [article]));
          text = printed === 0 ? sheet : sheet.slice(sheet.indexOf('\r\n') + 2);
          break;
        }
        case 'table':
          text = `${printed === 0 ? '' : '\n'}${renderOne(ctx, 'table', parsed)}`;
          break;
      }
      printed++;
      return write(text);
    },
    async end() {
      if (format === 'json') await write(printed === 0 ? '[]\n' : '\n]\n');
      if (format === 'csv' && printed === 0) await write(renderCsv(claimsCsvWithArticles([] as Claim[], [])));
    },
  };
}

function renderOne(ctx: Context, format: Format, parsed: ParseResult): string {
  const { article, claims } = parsed;
  switch (format) {
    case 'json':
      return renderJson(parsed);
    case 'ndjson':
      return renderNdjson(claims);
    case 'csv':
      return renderCsv(claimsCsvWithArticles(claims, [article]));
    case 'table': {
      const facts = [article.date ?? 'no date', article.source, `${claims.length} claim${claims.length === 1 ? '' : 's'}`];
      const head = `${ctx.chalk.bold(sanitizeInline(article.title))}\n${sanitizeInline(facts.filter(Boolean).join(' · '))}\n`;
      return claims.length === 0 ? head : `${head}${claimsTable(ctx, claims)}`;
    }
  }
}
