// `claims ingest <file|->...`: parse articles and add their claims to the store.
import type { Command } from 'commander';
import { ClaimsError } from '../../errors.js';
import { ingestParsed, readRegistry, storeFile } from '../../store/index.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { examples, formatOption, maxBytesOption } from '../options.js';
import { readAndParse, type ParsedInput } from '../parse-input.js';
import { renderView, sanitizeInline, type Format } from '../render/index.js';

interface IngestOptions {
  format?: Format;
  maxBytes?: number;
}

interface IngestedFile {
  file: string;
  articleId: string;
  title: string;
  claims: number;
  added: number;
  existing: number;
}

export function registerIngest(program: Command, io: CliIo): void {
  program
    .command('ingest')
    .description('extract the claims of articles and add them to the store (ingesting an article again changes nothing)')
    .argument('<files...>', 'article files (UTF-8 text); - reads one article from standard input')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(maxBytesOption())
    .addHelpText(
      'after',
      examples([
        ['claims ingest article.txt', 'store the claims of one article'],
        ['claims ingest articles/*.txt', 'several at once: all or none are stored'],
        ['claims --store ./case-store ingest a.txt', 'use a store folder of its own'],
      ]),
    )
    .action(async (files: string[], opts: IngestOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      if (files.filter((f) => f === '-').length > 1) {
        throw new ClaimsError('standard input (-) can be read only once', {
          code: 'USAGE',
          hint: 'give - once; save the other articles to files and pass their paths',
        });
      }
      const dir = ctx.storeDir();
      const registry = await readRegistry(dir);
      // Everything is read and parsed before the store is touched, so one bad
      // file leaves the store as it was.
      const inputs: ParsedInput[] = [];
      for (const file of files) inputs.push(await readAndParse(file, registry, io, opts.maxBytes));
      const ingestedAt = new Date().toISOString();
      // Reads and writes only the shards of the speakers these articles quote.
      const counts = await ingestParsed(dir, inputs.map((input) => input.parsed), ingestedAt);
      const result = inputs.map(({ origin, parsed }, i): IngestedFile => ({
        file: origin,
        articleId: parsed.article.id,
        title: parsed.article.title,
        claims: parsed.claims.length,
        ...counts[i]!,
      }));
      const added = result.reduce((n, f) => n + f.added, 0);
      const existing = result.reduce((n, f) => n + f.existing, 0);
      ctx.out(
        renderView(format, {
          json: () => ({ store: storeFile(dir), files: result, added, existing }),
          table: () =>
            [
              ...result.map(
                (f) =>
                  `${sanitizeInline(f.file === '-' ? 'standard input' : f.file)}: ${f.claims} claim${f.claims === 1 ? '' : 's'} ` +
                  `(${ctx.chalk.green(`${f.added} added`)}, ${f.existing} already there) — ${sanitizeInline(f.title)}`,
              ),
              ...(result.length > 1 ? [`Total: ${added} added, ${existing} already there`] : []),
              ctx.chalk.dim(`Store: ${sanitizeInline(storeFile(dir))}`),
              '',
            ].join('\n'),
        }),
      );
    });
}
