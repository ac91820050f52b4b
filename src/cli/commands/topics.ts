// `claims topics`: the topics of topics.json, each with its keywords and how many
// stored claims touch it, with which stance.
import type { Command } from 'commander';
import { summariseTopics } from '../../query/index.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore } from '../load.js';
import { examples, formatOption } from '../options.js';
import { FORMATS, renderTable, renderView, type Format } from '../render/index.js';

export function registerTopics(program: Command, io: CliIo): void {
  program
    .command('topics')
    .description('list the topics (topics.json in the store folder, else the bundled list) with their keywords and claim counts')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims topics', 'each topic, its keywords, and the claims that touch it'],
        ['claims topics --json', 'the same as JSON'],
        ['claims timeline --topic deployment', 'then follow one topic over time'],
      ]),
    )
    .action(async (opts: { format?: Format }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { data, topics } = await loadStore(ctx);
      const summaries = summariseTopics(data.claims, topics);
      const { chalk } = ctx;
      ctx.out(
        renderView(format, {
          json: () => summaries,
          csv: () => ({
            headers: ['name', 'keywords', 'claims', 'asserts', 'denies', 'unconfirmed', 'actors', 'articles'],
            rows: summaries.map((t) => [t.name, t.keywords.join('; '), t.claims, t.counts.asserts, t.counts.denies, t.counts.unconfirmed, t.actors, t.articles]),
          }),
          table: () =>
            renderTable(
              [
                { header: 'Topic' },
                { header: 'Keywords', flex: true },
                { header: 'Claims', align: 'right' },
                { header: 'Asserts', align: 'right' },
                { header: 'Denies', align: 'right' },
                { header: 'Unconfirmed', align: 'right' },
                { header: 'Actors', align: 'right' },
              ],
              summaries.map((t) => [
                { text: t.name, style: (s) => chalk.bold(s) },
                t.keywords.join(', '),
                count(t.claims),
                count(t.counts.asserts),
                count(t.counts.denies),
                count(t.counts.unconfirmed),
                count(t.actors),
              ]),
              { width: ctx.width, headerStyle: (s) => chalk.bold(s) },
            ),
        }),
      );
      if (format === 'table' && summaries.length === 0) ctx.note('The topic list is empty. Add topics to topics.json in the store folder.');
    });
}

function count(n: number): string {
  return n === 0 ? '·' : String(n);
}
