// `claims compare [ACTOR...] [--about WORDS]`: who asserts, who denies and who has
// not confirmed, with dates and the evidence in brief.
import type { Command } from 'commander';
import { STANCES, type Claim } from '../../model.js';
import { briefEvidence, compareClaims, filterClaims, groupRepeats, uniquePrefixLength, type Comparison, type RepeatGroup } from '../../query/index.js';
import { repeatsJson } from '../claims-view.js';
import { makeContext, type Context } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, noteEmpty, resolveActors } from '../load.js';
import { dateBounds, examples, formatOption } from '../options.js';
import { FORMATS, renderTable, renderView, sanitizeInline, type TableCell, type Format } from '../render/index.js';

interface CompareOptions {
  about?: string;
  since?: string;
  until?: string;
  dedupe?: boolean;
  format?: Format;
}

const HEADINGS = { asserts: 'Asserts', denies: 'Denies', unconfirmed: 'Has not confirmed' } as const;

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('who asserts, who denies and who has not confirmed something, with dates and evidence in brief')
    .argument('[actors...]', 'only these actors (canonical names, aliases or mentions)')
    .option('--about <words>', 'only claims whose content or sentence has all these words (stemmed); a topic name matches its keywords')
    .option('--since <date>', 'only claims made on or after this day')
    .option('--until <date>', 'only claims made on or before this day')
    .option('--dedupe', 'show a claim repeated in several articles once, at its first appearance, with the number of articles')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims compare --about deployment', 'everyone on the troop deployment'],
        ['claims compare NATO "Seoul NIS" --about troops', 'two actors side by side'],
        ['claims compare --about deployment --json', '{ asserts, denies, unconfirmed } grouped by actor'],
        ['claims compare --about leak --dedupe', 'a claim repeated by several articles counts once'],
      ]),
    )
    .action(async (actors: string[], opts: CompareOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { since, until } = await dateBounds(opts);
      const loaded = await loadStore(ctx);
      const claims = filterClaims(loaded.data.claims, {
        actorIds: resolveActors(actors, loaded),
        about: opts.about,
        topics: loaded.topics,
        since,
        until,
      });
      const groups = opts.dedupe ? groupRepeats(claims) : undefined;
      const repeats = groups && new Map(groups.map((g) => [g.first.id, g]));
      const comparison = compareClaims(groups ? groups.map((g) => g.first) : claims);
      const fields = repeats ? [...ROW_FIELDS, 'articles' as const] : ROW_FIELDS;
      ctx.out(
        renderView(format, {
          json: () => comparisonJson(comparison, repeats),
          ndjson: () => comparisonRows(comparison, repeats),
          csv: () => ({
            headers: fields,
            rows: comparisonRows(comparison, repeats).map((row) => fields.map((field) => row[field] ?? null)),
          }),
          table: () => (claims.length === 0 ? '' : comparisonText(ctx, comparison, claims, opts.about, repeats)),
        }),
      );
      if (format === 'table') noteEmpty(ctx, loaded, claims.length);
    });
}

type Repeats = ReadonlyMap<string, RepeatGroup> | undefined;

function comparisonJson(comparison: Comparison, repeats: Repeats): Record<string, unknown> {
  return Object.fromEntries(
    STANCES.map((stance) => [
      stance,
      comparison[stance].map((position) => ({
        actor: position.actor,
        mentions: position.mentions,
        claims: position.claims.map((c) => ({
          id: c.id,
          date: c.date,
          dateText: c.dateText,
          articleId: c.articleId,
          evidence: briefEvidence(c),
          content: c.content,
          quote: c.quote,
          sentence: c.sentence,
          cue: c.cue,
          ...(repeats ? { repeats: repeatsJson(repeats.get(c.id) as RepeatGroup) } : {}),
        })),
      })),
    ]),
  );
}

/** One line per claim, for NDJSON and CSV. */
interface CompareRow {
  stance: string;
  actorId: string;
  actorName: string;
  claimId: string;
  date: string | null;
  articleId: string;
  evidence: string;
  /** Only with --dedupe. */
  articles?: number;
}

const ROW_FIELDS = ['stance', 'actorId', 'actorName', 'claimId', 'date', 'articleId', 'evidence'] as const;

function comparisonRows(comparison: Comparison, repeats: Repeats): CompareRow[] {
  return STANCES.flatMap((stance) =>
    comparison[stance].flatMap((p) =>
      p.claims.map((c) => ({
        stance,
        actorId: p.actor.id,
        actorName: p.actor.name,
        claimId: c.id,
        date: c.date,
        articleId: c.articleId,
        evidence: briefEvidence(c),
        ...(repeats ? { articles: repeats.get(c.id)?.articles ?? 1 } : {}),
      })),
    ),
  );
}

function comparisonText(ctx: Context, comparison: Comparison, claims: readonly Claim[], about: string | undefined, repeats: Repeats): string {
  const { chalk } = ctx;
  const articles = new Set(claims.map((c) => c.articleId)).size;
  const idLength = uniquePrefixLength(claims.map((c) => c.id));
  const style = { asserts: chalk.green, denies: chalk.red, unconfirmed: chalk.yellow };
  const title = about ? `Who says what about “${sanitizeInline(about)}”` : 'Who says what';
  const parts = [
    `${chalk.bold(title)} — ${claims.length} claim${claims.length === 1 ? '' : 's'} from ${articles} article${articles === 1 ? '' : 's'}` +
      `${repeats && repeats.size < claims.length ? ` (${repeats.size} with repeats counted once)` : ''}\n`,
  ];
  for (const stance of STANCES) {
    const positions = comparison[stance];
    const heading = style[stance].bold(`${HEADINGS[stance]}`);
    if (positions.length === 0) {
      parts.push(`\n${heading}: nobody\n`);
      continue;
    }
    const rows: TableCell[][] = positions.flatMap((p) =>
      p.claims.map((c) => [
        p.actor.name,
        c.date ?? '—',
        briefEvidence(c),
        { text: c.id.slice(0, idLength), style: (s: string) => chalk.dim(s) },
        ...(repeats ? [repeats.get(c.id)?.articles ?? 1] : []),
      ]),
    );
    parts.push(
      `\n${heading} (${positions.length} actor${positions.length === 1 ? '' : 's'})\n`,
      renderTable([{ header: 'Actor', flex: true }, { header: 'Date' }, { header: 'Evidence', flex: true }, { header: 'ID' }, ...(repeats ? [{ header: 'Articles', align: 'right' as const }] : [])], rows, {
        width: ctx.width,
        headerStyle: (s) => chalk.bold(s),
      }),
    );
  }
  return parts.join('');
}
