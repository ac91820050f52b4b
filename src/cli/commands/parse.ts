// `claims parse <file|->`: extract the claims of one article and print them; stores nothing.
import type { Command } from 'commander';
import { readRegistry } from '../../store/index.js';
import { claimsCsvWithArticles, claimsTable } from '../claims-view.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { examples, formatOption, maxBytesOption } from '../options.js';
import { readAndParse } from '../parse-input.js';
import { FORMATS, renderView, sanitizeInline, type Format } from '../render/index.js';

interface ParseOptions {
  format?: Format;
  maxBytes?: number;
}

export function registerParse(program: Command, io: CliIo): void {
  program
    .command('parse')
    .description('extract the claims of one article and print them, without storing anything')
    .argument('<file>', 'article file (UTF-8 text), or - to read standard input')
    .addOption(formatOption(FORMATS, 'table'))
    .addOption(maxBytesOption())
    .addHelpText(
      'after',
      examples([
        ['claims parse article.txt', 'a table of the claims found'],
        ['claims parse article.txt --json', '{ article, claims } as JSON'],
        ['pbpaste | claims parse -', 'parse text from standard input'],
      ]),
    )
    .action(async (file: string, opts: ParseOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const registry = await readRegistry(ctx.storeDir());
      const { parsed } = await readAndParse(file, registry, io, opts.maxBytes);
      const { article, claims } = parsed;
      ctx.out(
        renderView(format, {
          json: () => parsed,
          ndjson: () => claims,
          csv: () => claimsCsvWithArticles(claims, [article]),
          table: () => {
            const facts = [article.date ?? 'no date', article.source, `${claims.length} claim${claims.length === 1 ? '' : 's'}`];
            const head = `${ctx.chalk.bold(sanitizeInline(article.title))}\n${sanitizeInline(facts.filter(Boolean).join(' · '))}\n`;
            return claims.length === 0 ? head : `${head}${claimsTable(ctx, claims)}`;
          },
        }),
      );
    });
}
