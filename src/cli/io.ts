// What the CLI touches of the outside world, passed in so tests run in-process.
export interface OutStream {
  write(chunk: string): unknown;
  /** Terminal width, when the stream is a terminal. */
  columns?: number;
  /** Whether the stream is a terminal (stderr's decides on a progress bar). */
  isTTY?: boolean;
  /** For backpressure: streams whose write() can return false say when they drain. */
  once?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  /** Set once the stream is closed (e.g. `| head` stopped reading). */
  destroyed?: boolean;
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
 * Writes, and when the stream's buffer is full waits for it to drain, so a
 * producer that awaits this never runs ahead of its reader. Resolves false once
 * the stream is closed: the caller should stop producing.
 */
export async function writeAndWait(stream: OutStream, text: string): Promise<boolean> {
  if (isClosed(stream)) return false;
  if (stream.write(text) === false && stream.once) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        for (const event of ['drain', 'close', 'error'] as const) stream.removeListener?.(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error'] as const) stream.once?.(event, done);
    });
  }
  return !isClosed(stream);
}

// A function, so the check is made afresh after the awaits above.
function isClosed(stream: OutStream): boolean {
  return stream.destroyed === true;
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
