// `claims list`: stored claims, filtered by actor, stance, dates, words and article.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { STANCES, type Stance } from '../../model.js';
import { filterClaims, groupRepeats, sortClaims } from '../../query/index.js';
import { claimsCsvWithArticles, claimsTable, repeatsJson, withRepeatColumns } from '../claims-view.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadActorsClaims, loadStore, noteEmpty, resolveActors, resolveArticle } from '../load.js';
import { collect, dateBounds, examples, formatOption } from '../options.js';
import { FORMATS, renderView, type Format } from '../render/index.js';

interface ListOptions {
  actor?: string[];
  stance?: Stance[];
  since?: string;
  until?: string;
  about?: string;
  article?: string;
  dedupe?: boolean;
  format?: Format;
}

export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list stored claims, oldest first, optionally filtered')
    .option('--actor <name>', 'only claims by this actor: canonical name, alias or mention, any case (repeatable)', collect)
    .addOption(new Option('--stance <stance>', 'only claims with this stance (repeatable)').choices(STANCES).argParser(collectStance))
    .option('--since <date>', 'only claims made on or after this day (YYYY-MM-DD, YYYY-MM, or words like "last monday")')
    .option('--until <date>', 'only claims made on or before this day')
    .option('--about <words>', 'only claims whose content or sentence has all these words (stemmed: "deployed" finds "deployment")')
    .option('--article <id>', 'only claims from this article (id, unique id prefix, or the file name it was ingested from)')
    .option('--dedupe', 'show a claim repeated in several articles (same speaker and stance, near-identical words) once, at its first appearance, with the number of articles')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims list', 'every stored claim'],
        ['claims list --actor "Seoul NIS" --stance asserts', "one actor's assertions"],
        ['claims list --about troops --since 2024-10-01', 'claims about troops made since October'],
        ['claims list --stance denies --format csv > denials.csv', 'denials for a spreadsheet'],
        ['claims list --dedupe', 'each claim once, however many articles repeat it'],
      ]),
    )
    .action(async (opts: ListOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { since, until } = await dateBounds(opts);
      // With --actor only those actors' shards are read, not the whole store.
      const byActor = opts.actor && opts.actor.length > 0 ? await loadActorsClaims(ctx, opts.actor) : undefined;
      const loaded = byActor?.loaded ?? (await loadStore(ctx));
      const { claims, articles } = loaded.data;
      const claimsFound = sortClaims(
        filterClaims(claims, {
          actorIds: byActor?.actorIds ?? resolveActors(opts.actor ?? [], loaded),
          stances: opts.stance,
          since,
          until,
          about: opts.about,
          topics: loaded.topics,
          articleIds: opts.article === undefined ? undefined : new Set([resolveArticle(opts.article, articles).id]),
        }),
      );
      if (opts.dedupe) {
        const groups = groupRepeats(claimsFound);
        const shown = groups.map((g) => g.first);
        const byId = new Map(groups.map((g) => [g.first.id, g]));
        ctx.out(
          renderView(format, {
            json: () => groups.map((g) => ({ ...g.first, repeats: repeatsJson(g) })),
            csv: () => withRepeatColumns(claimsCsvWithArticles(shown, articles), shown, byId),
            table: () => (shown.length === 0 ? '' : claimsTable(ctx, shown, byId)),
          }),
        );
      } else {
        ctx.out(
          renderView(format, {
            json: () => claimsFound,
            csv: () => claimsCsvWithArticles(claimsFound, articles),
            table: () => (claimsFound.length === 0 ? '' : claimsTable(ctx, claimsFound)),
          }),
        );
      }
      if (format === 'table') noteEmpty(ctx, loaded, claimsFound.length);
    });
}

// Replaces the parser .choices() installs, so it checks the choice itself.
function collectStance(value: string, previous: Stance[] = []): Stance[] {
  const stance = STANCES.find((s) => s === value);
  if (!stance) throw new InvalidArgumentError(`Allowed choices are ${STANCES.join(', ')}.`);
  return [...previous, stance];
}
