// `claims report [--topic NAME] --out report.html`: one self-contained HTML file to
// look at (actor × stance matrix, timeline chart, conflicts, repeats, every claim
// with its evidence), or the same as Markdown (--format md) or JSON.
import type { Command } from 'commander';
import pkg from '../../../package.json' with { type: 'json' };
import { buildReport, filterClaims } from '../../query/index.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, noteEmpty, resolveActors, resolveTopic } from '../load.js';
import { collect, dateBounds, examples, formatOption } from '../options.js';
import { writeOutputFile } from '../output-file.js';
import { renderJson, sanitizeInline } from '../render/index.js';
import { reportHtml } from '../report/html.js';
import { reportMarkdown } from '../report/markdown.js';

const REPORT_FORMATS = ['html', 'md', 'json'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportOptions {
  topic?: string;
  about?: string;
  actor?: string[];
  since?: string;
  until?: string;
  format?: ReportFormat;
  out?: string;
  force?: boolean;
}

export function registerReport(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('one self-contained HTML page to look at: who asserts/denies/has not confirmed, a timeline chart, conflicts, repeats and every claim with its evidence')
    .option('--topic <name>', "only claims that touch this topic (see 'claims topics')")
    .option('--about <words>', 'only claims whose content or sentence has all these words (stemmed)')
    .option('--actor <name>', 'only this actor (repeatable)', collect)
    .option('--since <date>', 'only claims made on or after this day')
    .option('--until <date>', 'only claims made on or before this day')
    .addOption(formatOption(REPORT_FORMATS, 'html'))
    .option('--out <file>', 'write to this file instead of standard output (never into the store folder)')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      examples([
        ['claims report --out report.html', 'everything, to open in a browser'],
        ['claims report --topic deployment --out deployment.html', 'one topic'],
        ['claims report --format md --out report.md', 'the same as Markdown'],
      ]),
    )
    .action(async (opts: ReportOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'html');
      const { since, until } = await dateBounds(opts);
      const loaded = await loadStore(ctx);
      const topic = opts.topic === undefined ? undefined : resolveTopic(opts.topic, loaded);
      const claims = filterClaims(loaded.data.claims, {
        actorIds: resolveActors(opts.actor ?? [], loaded),
        about: opts.about,
        topics: loaded.topics,
        topic,
        since,
        until,
      });
      const report = buildReport(claims, loaded.data.articles, loaded.topics, topic);
      const meta = { version: pkg.version };
      const text = format === 'json' ? renderJson(report) : format === 'md' ? reportMarkdown(report, meta) : reportHtml(report, meta);
      noteEmpty(ctx, loaded, claims.length);
      if (opts.out === undefined) {
        ctx.out(text);
        return;
      }
      const written = await writeOutputFile(opts.out, text, { force: opts.force === true, storeDir: loaded.dir });
      ctx.note(`Wrote a report of ${claims.length} claim${claims.length === 1 ? '' : 's'} to ${sanitizeInline(written)}`);
    });
}
