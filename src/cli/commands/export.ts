// `claims export`: every stored claim with its article's title and date, for
// scripts and spreadsheets, to stdout or to a file.
import type { Command } from 'commander';
import { sortClaims, withArticles } from '../../query/index.js';
import { claimsCsv } from '../claims-view.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore } from '../load.js';
import { examples, formatOption } from '../options.js';
import { writeOutputFile } from '../output-file.js';
import { renderView, sanitizeInline, type Format } from '../render/index.js';

interface ExportOptions {
  format?: Format;
  out?: string;
  force?: boolean;
}

const EXPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;

export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description("export every stored claim with its article's title and date")
    .addOption(formatOption(EXPORT_FORMATS, 'json'))
    .option('--out <file>', 'write to this file instead of standard output (never into the store folder)')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      examples([
        ['claims export > claims.json', 'everything as a JSON array'],
        ['claims export --format csv --out claims.csv', 'a spreadsheet (formula-safe CSV)'],
        ['claims export --format ndjson | jq .speaker.name', 'one claim per line for scripts'],
      ]),
    )
    .action(async (opts: ExportOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'json');
      const { data, dir } = await loadStore(ctx);
      const claims = withArticles(sortClaims(data.claims), data.articles);
      const text = renderView(format, {
        json: () => claims,
        csv: () => claimsCsv(claims),
      });
      if (opts.out === undefined) {
        ctx.out(text);
        return;
      }
      const written = await writeOutputFile(opts.out, text, { force: opts.force === true, storeDir: dir });
      ctx.note(`Wrote ${claims.length} claim${claims.length === 1 ? '' : 's'} to ${sanitizeInline(written)}`);
    });
}
