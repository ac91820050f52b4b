// `claims conflicts [--topic NAME]`: pairs of actors that take opposite stances on
// the same topic (one asserts, the other denies), with the evidence of each side.
import type { Command } from 'commander';
import type { Claim } from '../../model.js';
import { briefEvidence, filterClaims, findConflicts, uniquePrefixLength, type Conflict, type ConflictSide } from '../../query/index.js';
import { stanceCell } from '../claims-view.js';
import { makeContext, type Context } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, noteEmpty, resolveActors, resolveTopic } from '../load.js';
import { collect, dateBounds, examples, formatOption } from '../options.js';
import { FORMATS, renderTable, renderView, sanitizeInline, type Format, type TableCell } from '../render/index.js';

interface ConflictsOptions {
  topic?: string;
  actor?: string[];
  since?: string;
  until?: string;
  format?: Format;
}

export function registerConflicts(program: Command, io: CliIo): void {
  program
    .command('conflicts')
    .description('pairs of actors that take opposite stances on the same topic (one asserts, the other denies), with the evidence of each side')
    .option('--topic <name>', "only this topic (see 'claims topics'); otherwise every topic")
    .option('--actor <name>', 'only pairs with this actor on one side (repeatable)', collect)
    .option('--since <date>', 'only claims made on or after this day')
    .option('--until <date>', 'only claims made on or before this day')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims conflicts', 'every opposing pair, topic by topic'],
        ['claims conflicts --topic deployment', 'who asserts what another denies about the deployment'],
        ['claims conflicts --json', '[{ topic, asserts: { actor, claims }, denies: { actor, claims } }]'],
      ]),
    )
    .action(async (opts: ConflictsOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { since, until } = await dateBounds(opts);
      const loaded = await loadStore(ctx);
      const topics = opts.topic === undefined ? loaded.topics : [resolveTopic(opts.topic, loaded)];
      const actorIds = resolveActors(opts.actor ?? [], loaded);
      const claims = filterClaims(loaded.data.claims, { since, until });
      const conflicts = findConflicts(claims, topics).filter(
        (c) => !actorIds || actorIds.has(c.asserts.actor.id) || actorIds.has(c.denies.actor.id),
      );
      ctx.out(
        renderView(format, {
          json: () => conflicts.map((c) => ({ topic: c.topic, asserts: sideJson(c.asserts), denies: sideJson(c.denies) })),
          ndjson: () => conflictRows(conflicts),
          csv: () => ({ headers: ROW_FIELDS, rows: conflictRows(conflicts).map((row) => ROW_FIELDS.map((field) => row[field])) }),
          table: () => (conflicts.length === 0 ? '' : conflictsText(ctx, conflicts)),
        }),
      );
      if (format === 'table' && conflicts.length === 0) {
        if (loaded.data.claims.length === 0) noteEmpty(ctx, loaded, 0);
        else ctx.note(`No conflicts: no actor denies what another asserts${opts.topic ? ` on “${sanitizeInline(opts.topic)}”` : ' on any topic'}.`);
      }
    });
}

function sideJson(side: ConflictSide): Record<string, unknown> {
  return {
    actor: side.actor,
    claims: side.claims.map((c) => ({
      id: c.id,
      date: c.date,
      articleId: c.articleId,
      mention: c.speaker.mention,
      evidence: briefEvidence(c),
      sentence: c.sentence,
    })),
  };
}

const ROW_FIELDS = ['topic', 'assertsId', 'assertsName', 'deniesId', 'deniesName', 'stance', 'claimId', 'date', 'articleId', 'evidence'] as const;
type Row = Record<(typeof ROW_FIELDS)[number], string | null>;

function conflictRows(conflicts: readonly Conflict[]): Row[] {
  return conflicts.flatMap((c) =>
    [...c.asserts.claims, ...c.denies.claims].map((claim: Claim) => ({
      topic: c.topic,
      assertsId: c.asserts.actor.id,
      assertsName: c.asserts.actor.name,
      deniesId: c.denies.actor.id,
      deniesName: c.denies.actor.name,
      stance: claim.stance,
      claimId: claim.id,
      date: claim.date,
      articleId: claim.articleId,
      evidence: briefEvidence(claim),
    })),
  );
}

function conflictsText(ctx: Context, conflicts: readonly Conflict[]): string {
  const { chalk } = ctx;
  const topics = new Set(conflicts.map((c) => c.topic)).size;
  const idLength = uniquePrefixLength(conflicts.flatMap((c) => [...c.asserts.claims, ...c.denies.claims].map((claim) => claim.id)));
  const parts = [
    `${chalk.bold('Conflicts')} — ${conflicts.length} pair${conflicts.length === 1 ? '' : 's'} of actors on ${topics} topic${topics === 1 ? '' : 's'}\n`,
  ];
  for (const c of conflicts) {
    parts.push(
      `\n${chalk.bold(sanitizeInline(c.topic))}: ${chalk.green(sanitizeInline(c.asserts.actor.name))} asserts, ` +
        `${chalk.red(sanitizeInline(c.denies.actor.name))} denies\n`,
    );
    const rows: TableCell[][] = [c.asserts, c.denies].flatMap((side) =>
      side.claims.map((claim) => [
        side.actor.name,
        stanceCell(chalk, claim.stance),
        claim.date ?? '—',
        briefEvidence(claim),
        { text: claim.id.slice(0, idLength), style: (s: string) => chalk.dim(s) },
      ]),
    );
    parts.push(
      renderTable([{ header: 'Actor', flex: true }, { header: 'Stance' }, { header: 'Date' }, { header: 'Evidence', flex: true }, { header: 'ID' }], rows, {
        width: ctx.width,
        headerStyle: (s) => chalk.bold(s),
      }),
    );
  }
  return parts.join('');
}
