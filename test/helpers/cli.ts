// Runs the CLI in-process through main(argv, io) and collects what it printed.
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
  /** Whether stderr is a terminal (a progress bar is drawn there). */
  stderrIsTTY?: boolean;
  columns?: number;
}

export async function run(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), columns: options.columns },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrIsTTY ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]),
    env: options.env ?? { HOME: '/nonexistent-home', PATH: process.env.PATH },
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}
