// `claims actors add|alias|merge`: the user shapes the actor registry. Each edit is
// checked (one name, one actor), written as <store>/actors.json (seeded from the
// bundled list the first time), and stored claims are re-resolved to match, all
// under the store's lock so two edits cannot lose each other's changes.
import { Option, type Command } from 'commander';
import { ActorKindSchema, type ActorKind, type ActorRegistry, type Claim } from '../../model.js';
import { addActor, addAliases, mergeActors, reresolveClaims, type RegistryEdit } from '../../query/index.js';
import { readRegistry, registryFile, updateStore, writeRegistry } from '../../store/index.js';
import { makeContext, type Context } from '../context.js';
import type { CliIo } from '../io.js';
import { collect, examples } from '../options.js';
import { renderView, sanitizeInline, type Format } from '../render/index.js';

interface EditOutcome {
  edit: RegistryEdit;
  claimsChanged: number;
}

function kindOption(what: string): Option {
  return new Option('--kind <kind>', what).choices(ActorKindSchema.options);
}

export function registerActorEdits(actors: Command, io: CliIo): void {
  actors
    .command('add')
    .description('add an actor to the registry; stored claims whose speaker goes by one of its names now name it')
    .argument('<name>', 'the canonical name')
    .option('--alias <name>', 'another name it goes by (repeatable)', collect)
    .addOption(kindOption('person, organisation, country, group or source (default: organisation)'))
    .addHelpText(
      'after',
      examples([
        ['claims actors add "Norvane Chemicals" --alias Norvane', 'a company and a short name for it'],
        ['claims actors add "Hanna Orsk" --kind person --alias "the mayor"', 'a person, so "she" can refer to her'],
      ]),
    )
    .action(async (name: string, opts: { alias?: string[]; kind?: ActorKind }, cmd: Command) => {
      await runEdit(io, cmd, (registry) => addActor(registry, { name, aliases: opts.alias ?? [], kind: opts.kind }));
    });

  actors
    .command('alias')
    .description('give an actor more names; an actor seen only in articles joins the registry')
    .argument('<name>', 'the actor: a registry name, alias or id, or a source as `claims actors` shows it')
    .argument('<aliases...>', 'the names to add')
    .addOption(kindOption('when the actor joins the registry: its kind (default: organisation)'))
    .addHelpText(
      'after',
      examples([
        ['claims actors alias "US ambassador" "Linda Thomas-Greenfield"', 'a role and the person holding it'],
        ['claims actors alias "Hanna Orsk" "Lorvik mayor" --kind person', 'a source from the articles joins the registry'],
      ]),
    )
    .action(async (name: string, aliases: string[], opts: { kind?: ActorKind }, cmd: Command) => {
      await runEdit(io, cmd, (registry, claims) => addAliases(registry, claims, name, aliases, opts.kind));
    });

  actors
    .command('merge')
    .description('fold one actor into another: INTO takes FROM\'s names and claims, FROM leaves the registry')
    .argument('<from>', 'the actor that goes away')
    .argument('<into>', 'the actor that stays')
    .addOption(kindOption('when INTO joins the registry: its kind (default: organisation)'))
    .addHelpText(
      'after',
      examples([
        ['claims actors merge "Tomas Veld" "Norvane Chemicals"', "a company's spokesman speaks for the company"],
        ['claims actors merge "the source" "government source"', 'two names the parser kept apart'],
      ]),
    )
    .action(async (from: string, into: string, opts: { kind?: ActorKind }, cmd: Command) => {
      await runEdit(io, cmd, (registry, claims) => mergeActors(registry, claims, from, into, opts.kind));
    });
}

async function runEdit(io: CliIo, cmd: Command, edit: (registry: ActorRegistry, claims: readonly Claim[]) => RegistryEdit): Promise<void> {
  const ctx = makeContext(io, cmd);
  // --format belongs to `claims actors`, which parses it wherever it stands.
  const format = ctx.format(cmd.optsWithGlobals<{ format?: Format }>().format, 'table');
  const dir = ctx.storeDir();
  const { result } = await updateStore(dir, async (data): Promise<EditOutcome> => {
    const done = edit(await readRegistry(dir), data.claims);
    const { claims, changed } = reresolveClaims(data.claims, done);
    await writeRegistry(dir, done.registry);
    data.claims = claims;
    return { edit: done, claimsChanged: changed };
  });
  const { edit: done, claimsChanged } = result;
  ctx.out(
    renderView(format, {
      json: () => ({
        actor: done.actor, created: done.created, aliasesAdded: done.aliasesAdded, aliasesKept: done.aliasesKept,
        merged: done.merged, claimsChanged, registryFile: registryFile(dir),
      }),
      csv: () => ({
        headers: ['id', 'name', 'kind', 'aliases', 'created', 'aliasesAdded', 'merged', 'claimsChanged'],
        rows: [[
          done.actor.id, done.actor.name, done.actor.kind, done.actor.aliases.join('; '), done.created ? 'yes' : 'no',
          done.aliasesAdded.join('; '), done.merged.map((m) => m.id).join('; '), claimsChanged,
        ]],
      }),
      table: () => editText(ctx, done, claimsChanged, registryFile(dir)),
    }),
  );
}

function editText(ctx: Context, edit: RegistryEdit, claimsChanged: number, file: string): string {
  const { chalk } = ctx;
  const { actor } = edit;
  const who = `${chalk.bold(sanitizeInline(actor.name))} (${actor.id}, ${actor.kind})`;
  const names = (list: readonly string[]) => list.map((n) => `“${sanitizeInline(n)}”`).join(', ');
  const lines: string[] = [];
  if (edit.merged.length > 0) {
    lines.push(`Merged ${edit.merged.map((m) => `${sanitizeInline(m.name)} (${m.id})`).join(', ')} into ${who}.`);
  } else if (edit.created) {
    lines.push(`Added ${who} to the registry.`);
  }
  if (edit.aliasesAdded.length > 0) lines.push(`${sanitizeInline(actor.name)} is now also called ${names(edit.aliasesAdded)}.`);
  if (edit.aliasesKept.length > 0) lines.push(`${sanitizeInline(actor.name)} was already called ${names(edit.aliasesKept)}.`);
  lines.push(
    claimsChanged === 0
      ? 'No stored claim changed speaker.'
      : `${claimsChanged} stored claim${claimsChanged === 1 ? ' now names' : 's now name'} ${sanitizeInline(actor.name)}.`,
    chalk.dim(`Registry: ${sanitizeInline(file)}`),
    '',
  );
  return lines.join('\n');
}
