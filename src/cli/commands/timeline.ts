// `claims timeline [--about WORDS|--topic NAME] [--actor NAME...]`: per actor, their
// claims in date order with stance, date and article, each change of stance marked.
import type { Command } from 'commander';
import type { Article } from '../../model.js';
import { briefEvidence, buildTimeline, filterClaims, uniquePrefixLength, type ActorTimeline } from '../../query/index.js';
import { stanceCell, stanceChangeText } from '../claims-view.js';
import { makeContext, type Context } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, noteEmpty, resolveActors, resolveTopic } from '../load.js';
import { collect, dateBounds, examples, formatOption } from '../options.js';
import { FORMATS, renderTable, renderView, sanitizeInline, type Format, type TableCell } from '../render/index.js';

interface TimelineOptions {
  about?: string;
  topic?: string;
  actor?: string[];
  since?: string;
  until?: string;
  changes?: boolean;
  format?: Format;
}

export function registerTimeline(program: Command, io: CliIo): void {
  program
    .command('timeline')
    .description('per actor, their claims in date order with stance, date and article, and every change of stance marked')
    .option('--about <words>', 'only claims whose content or sentence has all these words (stemmed); a topic name matches its keywords')
    .option('--topic <name>', "only claims that touch this topic (see 'claims topics')")
    .option('--actor <name>', 'only this actor: canonical name, alias or mention (repeatable)', collect)
    .option('--since <date>', 'only claims made on or after this day')
    .option('--until <date>', 'only claims made on or before this day')
    .option('--changes', 'only actors whose stance changed')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims timeline --topic deployment', 'who said what on the deployment, day by day'],
        ['claims timeline --topic safety --changes', 'only the actors who changed their stance'],
        ['claims timeline --actor "United States" --json', "one actor's claims and stance changes, as JSON"],
      ]),
    )
    .action(async (opts: TimelineOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { since, until } = await dateBounds(opts);
      const loaded = await loadStore(ctx);
      const claims = filterClaims(loaded.data.claims, {
        actorIds: resolveActors(opts.actor ?? [], loaded),
        about: opts.about,
        topics: loaded.topics,
        topic: opts.topic === undefined ? undefined : resolveTopic(opts.topic, loaded),
        since,
        until,
      });
      const timelines = buildTimeline(claims).filter((t) => !opts.changes || t.changes.length > 0);
      const articles = new Map(loaded.data.articles.map((a) => [a.id, a]));
      ctx.out(
        renderView(format, {
          json: () => timelines.map((t) => timelineJson(t, articles)),
          ndjson: () => timelineRows(timelines, articles),
          csv: () => ({
            headers: ROW_FIELDS,
            rows: timelineRows(timelines, articles).map((row) => ROW_FIELDS.map((field) => row[field])),
          }),
          table: () => (timelines.length === 0 ? '' : timelineText(ctx, timelines, articles, opts)),
        }),
      );
      if (format === 'table') {
        if (timelines.length === 0 && claims.length > 0) ctx.note(`No actor changed stance among the ${claims.length} matching claims.`);
        else noteEmpty(ctx, loaded, claims.length);
      }
    });
}

function timelineJson(t: ActorTimeline, articles: ReadonlyMap<string, Article>): Record<string, unknown> {
  return {
    actor: t.actor,
    changes: t.changes,
    claims: t.entries.map(({ claim, change }) => ({
      id: claim.id,
      date: claim.date,
      dateText: claim.dateText,
      stance: claim.stance,
      change: change ? { from: change.from, to: change.to } : null,
      articleId: claim.articleId,
      articleTitle: articles.get(claim.articleId)?.title ?? null,
      mention: claim.speaker.mention,
      evidence: briefEvidence(claim),
    })),
  };
}

const ROW_FIELDS = ['actorId', 'actorName', 'date', 'stance', 'change', 'claimId', 'articleId', 'articleTitle', 'evidence'] as const;
type Row = Record<(typeof ROW_FIELDS)[number], string | null>;

function timelineRows(timelines: readonly ActorTimeline[], articles: ReadonlyMap<string, Article>): Row[] {
  return timelines.flatMap((t) =>
    t.entries.map(({ claim, change }) => ({
      actorId: t.actor.id,
      actorName: t.actor.name,
      date: claim.date,
      stance: claim.stance,
      change: change ? stanceChangeText(change) : null,
      claimId: claim.id,
      articleId: claim.articleId,
      articleTitle: articles.get(claim.articleId)?.title ?? null,
      evidence: briefEvidence(claim),
    })),
  );
}

function timelineText(ctx: Context, timelines: readonly ActorTimeline[], articles: ReadonlyMap<string, Article>, opts: TimelineOptions): string {
  const { chalk } = ctx;
  const claims = timelines.flatMap((t) => t.entries.map((e) => e.claim));
  const changes = timelines.reduce((n, t) => n + t.changes.length, 0);
  const idLength = uniquePrefixLength(claims.map((c) => c.id));
  const about = [opts.topic ? `topic “${opts.topic}”` : null, opts.about ? `“${opts.about}”` : null].filter(Boolean).join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    `${chalk.bold(sanitizeInline(`Timeline${about ? ` — ${about}` : ''}`))}: ${plural(claims.length, 'claim')} by ${plural(timelines.length, 'actor')}, ` +
      `${changes === 1 ? '1 change' : `${changes} changes`} of stance\n`,
  ];
  for (const t of timelines) {
    const marks = t.changes.map((c) => `${chalk.bold(stanceChangeText(c))} on ${c.date ?? 'an unknown day'}`);
    parts.push(`\n${chalk.bold(sanitizeInline(t.actor.name))}${marks.length > 0 ? ` — ${marks.join('; ')}` : chalk.dim(' — no change of stance')}\n`);
    const rows: TableCell[][] = t.entries.map(({ claim, change }) => {
      const stance = stanceCell(chalk, claim.stance);
      return [
        claim.date ?? '—',
        change ? { text: stanceChangeText(change), style: (s: string) => chalk.bold(stance.style ? stance.style(s) : s) } : stance,
        briefEvidence(claim),
        articles.get(claim.articleId)?.title ?? claim.articleId,
        { text: claim.id.slice(0, idLength), style: (s: string) => chalk.dim(s) },
      ];
    });
    parts.push(
      renderTable([{ header: 'Date' }, { header: 'Stance' }, { header: 'Evidence', flex: true }, { header: 'Article', flex: true }, { header: 'ID' }], rows, {
        width: ctx.width,
        headerStyle: (s) => chalk.bold(s),
      }),
    );
  }
  return parts.join('');
}
