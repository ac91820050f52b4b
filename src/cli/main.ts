// The CLI's entry: builds the commander program, runs it on argv and is the one
// place that turns errors into `error: …` / `hint: …` on stderr and an exit code.
// Nothing here (or in what it imports) does I/O at import time; commands load
// the parser and chrono-node only when they run.
import { CommanderError } from 'commander';
import { ClaimsError } from '../errors.js';
import { processIo, quietOnBrokenPipe, type CliIo } from './io.js';
import { buildProgram } from './program.js';
import { sanitizeInline } from './render/index.js';

/** Exit codes: see README "Exit codes". */
export const EXIT = { ok: 0, error: 1, usage: 2, bug: 70 } as const;

export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo: CliIo = { ...processIo(), ...io };
  if (fullIo.stdout === process.stdout) quietOnBrokenPipe(process.stdout);
  const debug = argv.includes('--debug');
  try {
    await buildProgram(fullIo).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    return report(err, fullIo, debug);
  }
}

function report(err: unknown, io: CliIo, debug: boolean): number {
  const say = (label: string, text: string): void => void io.stderr.write(`${label}: ${sanitizeInline(text)}\n`);
  if (err instanceof CommanderError) {
    // Help and version were printed on request; help printed because no command was given is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    if (err.code === 'commander.help') return EXIT.usage;
    say('error', err.message.replace(/^error: /, ''));
    say('hint', "run 'claims --help' or 'claims <command> --help' for usage and examples");
    return EXIT.usage;
  }
  if (err instanceof ClaimsError) {
    say('error', err.message);
    if (err.hint) say('hint', err.hint);
    if (debug) io.stderr.write(`${stackOf(err)}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  say('error', `unexpected failure: ${message}`);
  say('hint', debug ? 'this is a bug in claims; please report it with the trace below' : 'this is a bug in claims; run the command again with --debug and report what it prints');
  if (debug) io.stderr.write(`${stackOf(err)}\n`);
  return EXIT.bug;
}

function stackOf(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(depth === 0 ? String((current as Error).stack ?? current) : `caused by: ${String((current as Error).stack ?? current)}`);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}
