// What the CLI touches of the outside world, passed in so tests run in-process.
export interface OutStream {
  write(chunk: string): unknown;
  /** Terminal width, when the stream is a terminal. */
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: AsyncIterable<Uint8Array | string>;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour and table width depend on it). */
  isTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

/**
 * `claims list | head` closes the pipe early: stop writing and end quietly instead
 * of dying on EPIPE. Stays installed for the life of the process, since the error
 * can arrive after main() has returned.
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`error: cannot write output: ${err.message}\n`);
    process.exitCode = 1;
  });
}
