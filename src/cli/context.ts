// What a command needs from the program: the global options, where to write,
// colours, the output format and the store folder.
import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { ClaimsError } from '../errors.js';
import { resolveStoreDir } from '../store/index.js';
import { makeChalk } from './color.js';
import type { CliIo } from './io.js';
import type { Format } from './render/index.js';

export interface GlobalOptions {
  store?: string;
  json?: boolean;
  color: boolean;
  debug?: boolean;
}

export interface Context {
  io: CliIo;
  globals: GlobalOptions;
  chalk: ChalkInstance;
  /** Width tables should fit in. */
  width: number;
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes a line for people to stderr (notes, progress), so stdout stays data. */
  note(text: string): void;
  storeDir(): string;
  /** The format chosen with --format (commander has checked it is one the command offers) or --json. */
  format<F extends string = Format>(requested: F | undefined, fallback: F): F | 'json';
}

const DEFAULT_WIDTH = 100;

export function makeContext(io: CliIo, command: Command): Context {
  const globals = command.optsWithGlobals<GlobalOptions & Record<string, unknown>>();
  const chalk = makeChalk({ isTTY: io.isTTY, env: io.env, color: globals.color !== false });
  const envColumns = Number(io.env.COLUMNS);
  const width = io.stdout.columns ?? (Number.isInteger(envColumns) && envColumns > 20 ? envColumns : DEFAULT_WIDTH);
  return {
    io,
    globals,
    chalk,
    width,
    out: (text) => void io.stdout.write(text),
    note: (text) => void io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    storeDir: () => resolveStoreDir(globals.store, io.env),
    format<F extends string>(requested: F | undefined, fallback: F): F | 'json' {
      if (globals.json && requested !== undefined && requested !== 'json') {
        throw new ClaimsError(`--json and --format ${requested} ask for different formats`, {
          code: 'USAGE',
          hint: 'give one of them',
        });
      }
      return globals.json ? 'json' : (requested ?? fallback);
    },
  };
}
