// `claims export`: every stored claim with its article's title and date, for
// scripts and spreadsheets, or as schema.org ClaimReview JSON-LD for fact-checking
// tools; to stdout or to a file.
import type { Command } from 'commander';
import type { Article } from '../../model.js';
import { sortClaims, toClaimReviews, withArticles } from '../../query/index.js';
import { openStore } from '../../store/index.js';
import { claimsCsv } from '../claims-view.js';
import { makeContext } from '../context.js';
import type { CliIo, OutStream } from '../io.js';
import { loadStore } from '../load.js';
import { examples, formatOption } from '../options.js';
import { writeOutputFile } from '../output-file.js';
import { renderJson, renderNdjson, renderView, sanitizeInline } from '../render/index.js';

const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'claimreview'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExportOptions {
  format?: ExportFormat;
  out?: string;
  force?: boolean;
}

export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description("export every stored claim with its article's title and date, or as schema.org ClaimReview JSON-LD")
    .addOption(formatOption(EXPORT_FORMATS, 'json'))
    .option('--out <file>', 'write to this file instead of standard output (never into the store folder)')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      examples([
        ['claims export > claims.json', 'everything as a JSON array'],
        ['claims export --format csv --out claims.csv', 'a spreadsheet (formula-safe CSV)'],
        ['claims export --format ndjson | jq .speaker.name', 'one claim per line for scripts'],
        ['claims export --format claimreview --out reviews.jsonld', 'ClaimReview JSON-LD for fact-checking tools'],
      ]),
    )
    .action(async (opts: ExportOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'json');
      if (format === 'ndjson' && opts.out === undefined) {
        await streamNdjson(ctx.storeDir(), ctx.io.stdout);
        return;
      }
      const { data, dir, registry } = await loadStore(ctx);
      const claims = withArticles(sortClaims(data.claims), data.articles);
      let text: string;
      let what: string;
      if (format === 'claimreview') {
        const reviews = toClaimReviews(data.claims, data.articles, registry);
        text = renderJson(reviews);
        what = `${reviews['@graph'].length} claim review${reviews['@graph'].length === 1 ? '' : 's'}`;
      } else {
        text = renderView(format, { json: () => claims, csv: () => claimsCsv(claims) });
        what = `${claims.length} claim${claims.length === 1 ? '' : 's'}`;
      }
      if (opts.out === undefined) {
        ctx.out(text);
        return;
      }
      const written = await writeOutputFile(opts.out, text, { force: opts.force === true, storeDir: dir });
      ctx.note(`Wrote ${what} to ${sanitizeInline(written)}`);
    });
}

/**
 * One shard (one speaker's claims, oldest first) at a time, written as it is read
 * and waiting for the pipe to drain: memory holds store.json and one shard, however
 * big the store. Lines come speaker by speaker, not in one date order.
 */
async function streamNdjson(dir: string, out: OutStream): Promise<void> {
  const snapshot = await openStore(dir);
  const byId = new Map<string, Article>(snapshot.articles.map((a) => [a.id, a]));
  for await (const shard of snapshot.shards()) {
    const rows = sortClaims(shard).map((claim) => {
      const article = byId.get(claim.articleId);
      return { ...claim, articleTitle: article?.title ?? null, articleDate: article?.date ?? null };
    });
    if (!(await write(out, renderNdjson(rows)))) return;
  }
}

/** False when the reader has gone (a closed pipe): stop quietly. */
async function write(out: OutStream, text: string): Promise<boolean> {
  const stream = out as OutStream & Partial<Pick<NodeJS.WriteStream, 'once' | 'off' | 'destroyed'>>;
  if (stream.destroyed) return false;
  if (stream.write(text) !== false || typeof stream.once !== 'function') return true;
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => () => {
      stream.off?.('drain', onDrain);
      stream.off?.('close', onClose);
      stream.off?.('error', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    stream.once!('drain', onDrain);
    stream.once!('close', onClose);
    stream.once!('error', onClose);
  });
}
