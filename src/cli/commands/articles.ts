// `claims articles`: the stored articles, each once, with where they came from
// and how many claims they hold.
import type { Command } from 'commander';
import { summariseArticles, uniquePrefixLength } from '../../query/index.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore } from '../load.js';
import { examples, formatOption } from '../options.js';
import { FORMATS, renderTable, renderView, type Format } from '../render/index.js';

export function registerArticles(program: Command, io: CliIo): void {
  program
    .command('articles')
    .description('list the stored articles: id, date, source, number of claims, title and where each came from')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims articles', 'a table of the stored articles'],
        ['claims articles --format csv > articles.csv', 'for a spreadsheet'],
        ['claims remove --article 0672', 'then remove one by (a prefix of) its id'],
      ]),
    )
    .action(async (opts: { format?: Format }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { data } = await loadStore(ctx);
      const articles = summariseArticles(data.articles, data.claims);
      const idLength = uniquePrefixLength(articles.map((a) => a.id));
      ctx.out(
        renderView(format, {
          json: () => articles,
          csv: () => ({
            headers: ['id', 'title', 'date', 'source', 'byline', 'url', 'origin', 'claims', 'textHash', 'length', 'ingestedAt'],
            rows: articles.map((a) => [a.id, a.title, a.date, a.source, a.byline, a.url ?? null, a.origin ?? null, a.claims, a.textHash, a.length, a.ingestedAt ?? null]),
          }),
          table: () =>
            articles.length === 0
              ? ''
              : renderTable(
                  [{ header: 'ID' }, { header: 'Date' }, { header: 'Source' }, { header: 'Claims', align: 'right' }, { header: 'Title', flex: true }, { header: 'From', flex: true }],
                  articles.map((a) => [
                    { text: a.id.slice(0, idLength), style: (s) => ctx.chalk.dim(s) },
                    a.date ?? '—',
                    a.source ?? '—',
                    a.claims,
                    a.title,
                    shortSource(a.url ?? a.origin ?? null),
                  ]),
                  { width: ctx.width, headerStyle: (s) => ctx.chalk.bold(s) },
                ),
        }),
      );
      if (format === 'table' && articles.length === 0) ctx.note('No articles stored yet. Add some with: claims ingest ARTICLE.txt (or a web page, a URL or a folder)');
    });
}

/**
 * Where an article came from, short enough for a table cell (the other formats
 * have it whole): a URL as host/…/last-segment, a file by its name, a record as
 * name:line.
 */
export function shortSource(where: string | null): string {
  if (where === null) return '—';
  if (where === '-') return 'standard input';
  const record = /^-:(\d+)$/.exec(where);
  if (record) return `standard input line ${record[1]}`;
  if (/^https?:\/\//i.test(where)) {
    try {
      const url = new URL(where);
      const host = url.host.replace(/^www\./, '');
      const segments = url.pathname.split('/').filter(Boolean);
      if (segments.length <= 1) return `${host}${url.pathname}`;
      return `${host}/…/${segments.at(-1)}`;
    } catch {
      return where;
    }
  }
  return where.split(/[\\/]/).pop() || where;
}
