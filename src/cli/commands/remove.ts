// `claims remove --article ID`: take an article and all its claims out of the store.
import type { Command } from 'commander';
import { ClaimsError } from '../../errors.js';
import { removeArticle, storeFile, updateStore } from '../../store/index.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { resolveArticle } from '../load.js';
import { examples, formatOption } from '../options.js';
import { renderView, sanitizeInline, type Format } from '../render/index.js';

interface RemoveOptions {
  article?: string;
  format?: Format;
}

export function registerRemove(program: Command, io: CliIo): void {
  program
    .command('remove')
    .description('remove an article and all its claims from the store')
    .option('--article <id>', 'the article: its id, a unique id prefix, its URL, or the file it was ingested from')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims articles', 'find the article first'],
        ['claims remove --article 0672030554', 'remove it by (a prefix of) its id'],
        ['claims remove --article dprk-troops-denial.txt', 'or by the file it came from'],
      ]),
    )
    .action(async (opts: RemoveOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      if (opts.article === undefined) {
        throw new ClaimsError('say what to remove: --article ID', {
          code: 'USAGE',
          hint: "run 'claims articles' to see the stored articles and their ids",
        });
      }
      const query = opts.article;
      const dir = ctx.storeDir();
      // Resolved under the lock, against the store as it is now.
      const { result } = await updateStore(dir, (data) => {
        const article = resolveArticle(query, data.articles);
        return { article, claims: removeArticle(data, article.id).claims };
      });
      const { article, claims } = result;
      ctx.out(
        renderView(format, {
          json: () => ({ store: storeFile(dir), article, claimsRemoved: claims }),
          table: () =>
            `Removed article ${article.id} (${sanitizeInline(article.title)}) and its ${claims} claim${claims === 1 ? '' : 's'}.\n` +
            `${ctx.chalk.dim(`Store: ${sanitizeInline(storeFile(dir))}`)}\n`,
        }),
      );
    });
}
