// Options and help text shared by several commands.
import { Option } from 'commander';
import { ClaimsError } from '../errors.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, INPUT_FORMATS, formatBytes, formatSeconds, parseByteSize, parseTimeout } from '../input/index.js';

export function formatOption(allowed: readonly string[], fallback: string): Option {
  return new Option('--format <format>', `output format (default: ${fallback})`).choices(allowed);
}

export function maxBytesOption(): Option {
  return new Option('--max-bytes <size>', `refuse articles larger than this (e.g. 500KB, 50MB; default: ${formatBytes(DEFAULT_MAX_BYTES)})`)
    .argParser((value: string) => parseByteSize(value));
}

export function inputFormatOption(): Option {
  return new Option('--input-format <format>', 'read the input as this, whatever its name or content type (default: told from the file extension, the content type or the first bytes)').choices(INPUT_FORMATS);
}

export function timeoutOption(): Option {
  return new Option('--timeout <seconds>', `give up on a URL that has not been fetched within this time (default: ${formatSeconds(DEFAULT_TIMEOUT_MS)})`)
    .argParser((value: string) => parseTimeout(value));
}

/** For repeatable options: `--actor A --actor B`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The "Examples:" block of a command's --help. */
export function examples(lines: readonly (readonly [command: string, what: string])[]): string {
  const width = Math.max(...lines.map(([command]) => command.length));
  return `\nExamples:\n${lines.map(([command, what]) => `  $ ${command.padEnd(width)}  # ${what}`).join('\n')}\n`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_YEAR = /^(\d{4})$/;

/**
 * A `--since` / `--until` bound as YYYY-MM-DD. A month or year means its first day
 * for --since and its last for --until; anything else ("last friday", "3 weeks
 * ago", "Oct 22 2024") goes to chrono-node, loaded only then.
 */
/** The --since/--until bounds a command was given, read as dates (either may be absent). */
export async function dateBounds(opts: { since?: string; until?: string }): Promise<{ since: string | undefined; until: string | undefined }> {
  return {
    since: opts.since === undefined ? undefined : await parseDateBound(opts.since, 'since'),
    until: opts.until === undefined ? undefined : await parseDateBound(opts.until, 'until'),
  };
}

export async function parseDateBound(value: string, edge: 'since' | 'until', now = new Date()): Promise<string> {
  const text = value.trim();
  const day = ISO_DAY.exec(text);
  if (day) {
    const [, y, m, d] = day;
    if (isRealDay(Number(y), Number(m), Number(d))) return text;
    throw badDate(value, edge);
  }
  const month = ISO_MONTH.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    return edge === 'since' ? `${text}-01` : isoDay(new Date(Date.UTC(y, m, 0)));
  }
  if (ISO_YEAR.test(text)) return edge === 'since' ? `${text}-01-01` : `${text}-12-31`;
  const chrono = await import('chrono-node/en');
  const parsed = chrono.parseDate(text, now);
  if (parsed === null) throw badDate(value, edge);
  return isoDay(new Date(Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate())));
}

function isRealDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function badDate(value: string, edge: string): ClaimsError {
  return new ClaimsError(`--${edge} '${value}' is not a date I can read`, {
    code: 'USAGE',
    hint: 'give a date as YYYY-MM-DD (or YYYY-MM, YYYY, or words such as "last monday")',
  });
}
