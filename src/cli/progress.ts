// Progress of a long ingest, on stderr: a bar redrawn in place when stderr is a
// terminal, nothing while it runs otherwise (a log file gets the one-line summary
// at the end). Failures are printed as they happen, above the bar, and the bar is
// cleared before the command prints its result.
import type { ChalkInstance } from 'chalk';
import type { OutStream } from './io.js';
import { sanitizeInline } from './render/index.js';

export interface Progress {
  /** `done` of `total` inputs finished; `label` is what is being read now. */
  update(done: number, articles: number, failed: number, label: string): void;
  /** A line for people (a failure, the summary), printed above the bar. */
  line(text: string): void;
  /** Removes the bar (before the command prints its result, or stops on an error). */
  clear(): void;
}

const REDRAW_MS = 80;

export function startProgress(stderr: OutStream, total: number, chalk: ChalkInstance, now: () => number = Date.now): Progress {
  const tty = stderr.isTTY === true;
  let drawn = false;
  let last = -Infinity;
  const clear = (): void => {
    if (drawn) stderr.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    update(done, articles, failed, label) {
      if (!tty) return;
      // Redrawn at most every REDRAW_MS, and always at the end.
      const t = now();
      if (t - last < REDRAW_MS && done < total) return;
      last = t;
      const width = Math.max(40, stderr.columns ?? 80);
      const barWidth = Math.min(30, Math.floor(width / 4));
      const filled = total > 0 ? Math.round((done / total) * barWidth) : 0;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
      const counts = `${done}/${total} · ${articles} article${articles === 1 ? '' : 's'}`;
      const failures = failed ? ` · ${failed} failed` : '';
      const room = width - barWidth - counts.length - failures.length - 3;
      const name = sanitizeInline(label);
      const shown = room < 8 ? '' : name.length > room ? `…${name.slice(-(room - 1))}` : name;
      stderr.write(`\r\u001b[2K${bar} ${counts}${failures ? chalk.red(failures) : ''}${shown ? ` ${chalk.dim(shown)}` : ''}`);
      drawn = true;
    },
    line(text) {
      clear();
      stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    clear,
  };
}
