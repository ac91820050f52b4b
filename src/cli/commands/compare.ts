// `claims compare [ACTOR...] [--about WORDS]`: who asserts, who denies and who has
// not confirmed, with dates and the evidence in brief.
import type { Command } from 'commander';
import { STANCES, type Claim } from '../../model.js';
import { briefEvidence, compareClaims, filterClaims, uniquePrefixLength, type Comparison } from '../../query/index.js';
import { makeContext, type Context } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, noteEmpty, resolveActors } from '../load.js';
import { examples, formatOption, parseDateBound } from '../options.js';
import { FORMATS, renderTable, renderView, sanitizeInline, type TableCell, type Format } from '../render/index.js';

interface CompareOptions {
  about?: string;
  since?: string;
  until?: string;
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
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims compare --about deployment', 'everyone on the troop deployment'],
        ['claims compare NATO "Seoul NIS" --about troops', 'two actors side by side'],
        ['claims compare --about deployment --json', '{ asserts, denies, unconfirmed } grouped by actor'],
      ]),
    )
    .action(async (actors: string[], opts: CompareOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const since = opts.since === undefined ? undefined : await parseDateBound(opts.since, 'since');
      const until = opts.until === undefined ? undefined : await parseDateBound(opts.until, 'until');
      const loaded = await loadStore(ctx);
      const claims = filterClaims(loaded.data.claims, {
        actorIds: resolveActors(actors, loaded),
        about: opts.about,
        topics: loaded.topics,
        since,
        until,
      });
      const comparison = compareClaims(claims);
      ctx.out(
        renderView(format, {
          json: () => comparisonJson(comparison),
          ndjson: () => comparisonRows(comparison),
          csv: () => ({
            headers: ROW_FIELDS,
            rows: comparisonRows(comparison).map((row) => ROW_FIELDS.map((field) => row[field])),
          }),
          table: () => (claims.length === 0 ? '' : comparisonText(ctx, comparison, claims, opts.about)),
        }),
      );
      if (format === 'table') noteEmpty(ctx, loaded, claims.length);
    });
}

function comparisonJson(comparison: Comparison): Record<string, unknown> {
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
}

const ROW_FIELDS = ['stance', 'actorId', 'actorName', 'claimId', 'date', 'articleId', 'evidence'] as const;

function comparisonRows(comparison: Comparison): CompareRow[] {
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
      })),
    ),
  );
}

function comparisonText(ctx: Context, comparison: Comparison, claims: readonly Claim[], about: string | undefined): string {
  const { chalk } = ctx;
  const articles = new Set(claims.map((c) => c.articleId)).size;
  const idLength = uniquePrefixLength(claims.map((c) => c.id));
  const style = { asserts: chalk.green, denies: chalk.red, unconfirmed: chalk.yellow };
  const title = about ? `Who says what about “${sanitizeInline(about)}”` : 'Who says what';
  const parts = [
    `${chalk.bold(title)} — ${claims.length} claim${claims.length === 1 ? '' : 's'} from ${articles} article${articles === 1 ? '' : 's'}\n`,
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
      ]),
    );
    parts.push(
      `\n${heading} (${positions.length} actor${positions.length === 1 ? '' : 's'})\n`,
      renderTable([{ header: 'Actor', flex: true }, { header: 'Date' }, { header: 'Evidence', flex: true }, { header: 'ID' }], rows, {
        width: ctx.width,
        headerStyle: (s) => chalk.bold(s),
      }),
    );
  }
  return parts.join('');
}
