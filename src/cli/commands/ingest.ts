// `claims ingest <input...>`: parse articles (files, folders, URLs, standard input;
// text, web pages or NDJSON records) and add their claims to the store.
import type { Command } from 'commander';
import { ClaimsError } from '../../errors.js';
import { describeOrigin, expandSources, type ExpandedSources, type InputFormat } from '../../input/index.js';
import type { ActorRegistry } from '../../model.js';
import { ingestPrepared, readRegistry, storeFile, type PreparedResult } from '../../store/index.js';
import { makeContext, type Context } from '../context.js';
import type { CliIo } from '../io.js';
import { examples, formatOption, inputFormatOption, maxBytesOption, timeoutOption } from '../options.js';
import { failureMessage, parseSources, type InputSettings, type ParsedItem } from '../parse-input.js';
import { isPoolSource, ParsePool, poolSize, prepareItem, type PreparedItem } from '../parse-pool.js';
import { startProgress, type Progress } from '../progress.js';
import { renderView, sanitizeInline, type Format } from '../render/index.js';

interface IngestOptions {
  format?: Format;
  maxBytes?: number;
  inputFormat?: InputFormat;
  timeout?: number;
}

interface IngestedFile {
  file: string;
  articleId: string;
  title: string;
  claims: number;
  added: number;
  existing: number;
  /** Claims of an earlier version of the same page that this one replaced. */
  replaced: number;
}

interface FailedFile {
  file: string;
  error: string;
}

/**
 * Parse results are held and stored in one locked write (ingestPrepared) once they
 * reach this many claims or articles, and at the end. Every write rewrites each
 * shard it touches, with fsyncs, so writes should be few: a folder of news (10 MB
 * of text is about 100,000 claims) goes in with one write per shard, while memory
 * stays bounded (a held claim costs about 1 KB) and a killed ingest loses at most
 * one chunk of parsed work, never anything stored. Exported for tests.
 */
export const FLUSH_LIMITS = { claims: 200_000, articles: 50_000 };

export function registerIngest(program: Command, io: CliIo): void {
  program
    .command('ingest')
    .description('extract the claims of articles and add them to the store (ingesting an article again changes nothing)')
    .argument('<inputs...>', 'article files (text, HTML, NDJSON), folders (every such file below them), http(s) URLs, or - for standard input')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(inputFormatOption())
    .addOption(maxBytesOption())
    .addOption(timeoutOption())
    .addHelpText(
      'after',
      examples([
        ['claims ingest article.txt', 'store the claims of one article'],
        ['claims ingest saved-page.html', 'a saved web page: the story is found among menus, ads and comments'],
        ['claims ingest https://example.com/news/story', 'fetch a page and store its claims'],
        ['claims ingest downloads/', 'every .txt, .html, .htm, .ndjson and .jsonl file below a folder'],
        ['crawler | claims ingest - --input-format ndjson', 'records {"text"|"html", "url", "date", "title"}, one per line'],
        ['claims --store ./case-store ingest a.txt', 'use a store folder of its own'],
      ]),
    )
    .action(async (inputs: string[], opts: IngestOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      if (inputs.filter((f) => f === '-').length > 1) {
        throw new ClaimsError('standard input (-) can be read only once', {
          code: 'USAGE',
          hint: 'give - once; save the other articles to files and pass their paths',
        });
      }
      const dir = ctx.storeDir();
      const registry = await readRegistry(dir);
      const { sources, problems, skipped } = await expandSources(inputs);
      // One input that is one article behaves as always: its error is the command's error.
      const single = problems.length === 0 && sources.length === 1 && sources[0] === inputs[0];
      const progress = startProgress(io.stderr, sources.length, ctx.chalk);
      const run: Run = { done: [], failed: [], unannounced: undefined, seen: 0, records: 0 };
      try {
        await ingestAll(ctx, run, { dir, registry, sources, problems, single, progress, settings: { maxBytes: opts.maxBytes, inputFormat: opts.inputFormat, timeoutMs: opts.timeout } });
      } finally {
        progress.clear();
      }
      const { done, failed, seen } = run;
      if (run.unannounced !== undefined) throw run.unannounced;
      if (seen === 0 && problems.length === 0) ctx.note('No articles in the input (no NDJSON records): nothing to store.');
      const added = done.reduce((n, f) => n + f.added, 0);
      const existing = done.reduce((n, f) => n + f.existing, 0);
      const replaced = done.reduce((n, f) => n + f.replaced, 0);
      ctx.out(
        renderView(format, {
          json: () => ({ store: storeFile(dir), files: done, added, existing, replaced, failed }),
          table: () =>
            [
              ...done.map((f) => `${fileLine(ctx, f)}`),
              ...(done.length > 1 ? [`Total: ${added} added, ${existing} already there${replaced ? `, ${replaced} replaced` : ''}`] : []),
              ...(done.length > 0 ? [ctx.chalk.dim(`Store: ${sanitizeInline(storeFile(dir))}`), ''] : []),
            ].join('\n'),
        }),
      );
      // The summary is for what the command line did not list one by one (a folder, a
      // stream of records) and for failures; a list of files that all went in has its
      // Total on stdout, and stderr stays empty.
      const listed = problems.length === 0 && run.records === 0 && sources.length === inputs.length && sources.every((s, i) => s === inputs[i]);
      if ((seen > 1 && !listed) || failed.length > 0) {
        const other = skipped > 0 ? `; ${skipped} file${skipped === 1 ? '' : 's'} of other kinds left out` : '';
        progress.line(
          `Ingested ${done.length} of ${done.length + failed.length} articles` +
            `${failed.length ? ` (${failed.length} failed)` : ''}: ${added} claims added, ${existing} already there${other}.`,
        );
      }
      if (failed.length > 0) {
        const named = failed.slice(0, 3).map((f) => describeOrigin(f.file)).join(', ');
        throw new ClaimsError(
          `${failed.length} of ${done.length + failed.length} articles could not be ingested: ${named}${failed.length > 3 ? `, and ${failed.length - 3} more` : ''}`,
          {
            code: 'INPUT_INVALID',
            hint:
              done.length > 0
                ? 'the others were stored; fix the inputs named above and run the same command again (what is stored already is not added twice)'
                : 'nothing was stored; fix the inputs named above and run the command again',
          },
        );
      }
    });
}

interface Run {
  done: IngestedFile[];
  failed: FailedFile[];
  /** The error of the one article of a single input, thrown as the command's own. */
  unannounced: unknown;
  /** Articles read, parsed or not. */
  seen: number;
  /** How many of them were NDJSON records. */
  records: number;
}

interface IngestPlan {
  dir: string;
  registry: ActorRegistry;
  sources: string[];
  problems: ExpandedSources['problems'];
  single: boolean;
  progress: Progress;
  settings: InputSettings;
}

/** Reads and parses every source, storing what parsed in as few writes as FLUSH_LIMITS allow; failures are noted (as they happen) and skipped. */
async function ingestAll(ctx: Context, run: Run, plan: IngestPlan): Promise<void> {
  const { progress } = plan;
  let pending: { origin: string; prepared: PreparedResult }[] = [];
  let pendingClaims = 0;
  let finished = 0;
  const fail = (origin: string, error: unknown, announce: boolean): void => {
    run.failed.push({ file: origin, error: failureMessage(error) });
    if (announce) progress.line(`${ctx.chalk.red('error:')} ${sanitizeInline(failureMessage(error))}`);
    else run.unannounced = error;
  };
  // A bar only for many inputs, or for a stream of records once it has more than one.
  const many = plan.sources.length + plan.problems.length > 1;
  const update = (source: string): void => {
    if (many || run.seen > 1) progress.update(finished, run.seen, run.failed.length, source);
  };
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingClaims = 0;
    const ingestedAt = new Date().toISOString();
    // mergeAll's rules, reading and writing only the shards of the speakers quoted.
    const result = await ingestPrepared(plan.dir, batch.map((b) => b.prepared), ingestedAt);
    result.forEach((merged, i) => {
      const { origin, prepared } = batch[i]!;
      run.done.push({ file: origin, title: prepared.article.title, claims: prepared.claims.count, ...merged });
    });
  };

  for (const problem of plan.problems) fail(problem.origin, problem.error, true);
  // Many files: parsed by worker threads, all queued now so the workers keep busy
  // while this thread stores; each source's items are still taken in order below.
  const workers = plan.single ? 0 : poolSize(plan.sources, ctx.io.env);
  const pool = workers > 0 ? ParsePool.start(workers, plan.registry, plan.settings) : undefined;
  try {
    const queued = plan.sources.map((source) => (pool && isPoolSource(source) ? pool.submit(source) : undefined));
    for (const [i, source] of plan.sources.entries()) {
      update(source);
      const items: AsyncIterable<PreparedItem> = queued[i] ?? prepared(parseSources([source], plan.registry, ctx.io, plan.settings));
      for await (const item of items) {
        run.seen++;
        if (item.record) run.records++;
        if ('error' in item) fail(item.origin, item.error, !plan.single || item.record);
        else {
          pending.push({ origin: item.origin, prepared: item.prepared });
          pendingClaims += item.prepared.claims.count;
          if (pendingClaims >= FLUSH_LIMITS.claims || pending.length >= FLUSH_LIMITS.articles) await flush();
        }
        update(source);
      }
      finished++;
    }
  } finally {
    await pool?.close();
  }
  await flush();
  update('');
}

async function* prepared(items: AsyncIterable<ParsedItem>): AsyncGenerator<PreparedItem> {
  for await (const item of items) yield prepareItem(item);
}

function fileLine(ctx: Context, f: IngestedFile): string {
  const name = f.file === '-' ? 'standard input' : describeOrigin(f.file).replace(/^'(.*)'$/, '$1');
  const replaced = f.replaced ? `, ${f.replaced} replaced: the page changed since it was stored` : '';
  return (
    `${sanitizeInline(name)}: ${f.claims} claim${f.claims === 1 ? '' : 's'} ` +
    `(${ctx.chalk.green(`${f.added} added`)}, ${f.existing} already there${replaced}) — ${sanitizeInline(f.title)}`
  );
}
