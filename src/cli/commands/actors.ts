// `claims actors`: every actor (the registry's and the sources found only in
// claims) with the names they go by and how often they assert, deny or do not confirm.
// Its subcommands (add, alias, merge) edit the registry: see actors-edit.ts.
import type { Command } from 'commander';
import { ClaimsError } from '../../errors.js';
import { summariseActors } from '../../query/index.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore } from '../load.js';
import { examples, formatOption } from '../options.js';
import { FORMATS, renderTable, renderView, sanitizeInline, type Format } from '../render/index.js';
import { registerActorEdits } from './actors-edit.js';

export function registerActors(program: Command, io: CliIo): void {
  const actors = program
    .command('actors')
    .description('list actors with their aliases and their counts of asserts / denies / unconfirmed claims, most-quoted first')
    .addOption(formatOption(FORMATS, 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims actors', 'a table of actors and counts'],
        ['claims actors --json', 'the same as JSON'],
        ['claims actors add "Norvane Chemicals" --alias Norvane', 'add an actor to your registry'],
        ['claims actors merge "Tomas Veld" "Norvane Chemicals"', 'one actor where there were two'],
      ]),
    )
    // A word that is not a subcommand reaches the action, which says so.
    .allowExcessArguments()
    .action(async (opts: { format?: Format }, cmd: Command) => {
      const [stray] = cmd.args;
      if (stray !== undefined) {
        throw new ClaimsError(`'${sanitizeInline(stray)}' is not an actors command`, {
          code: 'USAGE',
          hint: "claims actors lists the actors; its commands are add, alias and merge (see 'claims actors --help')",
        });
      }
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { data, registry } = await loadStore(ctx);
      const actors = summariseActors(data.claims, registry);
      const { chalk } = ctx;
      ctx.out(
        renderView(format, {
          json: () => actors,
          csv: () => ({
            headers: ['id', 'name', 'kind', 'inRegistry', 'aliases', 'mentions', 'asserts', 'denies', 'unconfirmed', 'total'],
            rows: actors.map((a) => [
              a.id, a.name, a.kind, a.inRegistry ? 'yes' : 'no', a.aliases.join('; '), a.mentions.join('; '),
              a.counts.asserts, a.counts.denies, a.counts.unconfirmed, a.total,
            ]),
          }),
          table: () =>
            renderTable(
              [
                { header: 'Actor', flex: true },
                { header: 'Also called', flex: true },
                { header: 'Asserts', align: 'right' },
                { header: 'Denies', align: 'right' },
                { header: 'Unconfirmed', align: 'right' },
              ],
              actors.map((a) => [
                a.inRegistry ? a.name : { text: a.name, style: (s) => chalk.italic(s) },
                alsoCalled([...a.mentions, ...a.aliases]),
                countCell(a.counts.asserts, chalk.green),
                countCell(a.counts.denies, chalk.red),
                countCell(a.counts.unconfirmed, chalk.yellow),
              ]),
              { width: ctx.width, headerStyle: (s) => chalk.bold(s) },
            ),
        }),
      );
    });
  registerActorEdits(actors, io);
}

const NAMES_IN_TABLE = 4;

// The table shows how articles referred to the actor first, and a few aliases; JSON has them all.
function alsoCalled(names: string[]): string {
  const shown = names.slice(0, NAMES_IN_TABLE).join(', ');
  return names.length > NAMES_IN_TABLE ? `${shown} (+${names.length - NAMES_IN_TABLE} more)` : shown;
}

function countCell(n: number, style: (s: string) => string): { text: string; style?: (s: string) => string } {
  return n === 0 ? { text: '·' } : { text: String(n), style };
}
