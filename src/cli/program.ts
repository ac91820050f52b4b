// The commander program: global options, shared settings and one registration per
// command (each in src/cli/commands/).
import { Command } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { registerActors } from './commands/actors.js';
import { registerArticles } from './commands/articles.js';
import { registerCompare } from './commands/compare.js';
import { registerConflicts } from './commands/conflicts.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerList } from './commands/list.js';
import { registerParse } from './commands/parse.js';
import { registerRemove } from './commands/remove.js';
import { registerReport } from './commands/report.js';
import { registerShow } from './commands/show.js';
import { registerTimeline } from './commands/timeline.js';
import { registerTopics } from './commands/topics.js';
import type { CliIo } from './io.js';
import { examples } from './options.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('claims')
    .description('Track who claimed what in news articles: extract attributed claims, store them, and ask who asserts, denies or has not confirmed something.')
    .version(pkg.version, '-V, --version')
    .option('--store <dir>', 'store folder (default: $CLAIMS_STORE, else $XDG_DATA_HOME/claims, else ~/.local/share/claims)')
    .option('--json', 'print JSON (short for --format json)')
    .option('--no-color', 'never colour output (NO_COLOR=1 and TERM=dumb do the same)')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // main() prints errors, once, as `error: …` and `hint: …`.
      outputError: () => undefined,
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples([
        ['claims ingest article.txt', 'extract the claims of an article and store them'],
        ['claims ingest https://example.com/news/story', 'the same for a web page (or a saved .html file, or a folder)'],
        ['claims compare --about deployment', 'who asserts, denies, has not confirmed'],
        ['claims list --actor NATO --json', 'one actor\'s claims, as JSON'],
        ['claims export --format csv --out claims.csv', 'everything, for a spreadsheet'],
      ]),
    );
  for (const register of [registerParse, registerIngest, registerList, registerShow, registerActors, registerCompare, registerExport, registerArticles, registerRemove, registerTopics, registerTimeline, registerConflicts, registerReport]) {
    register(program, io);
  }
  return program;
}
