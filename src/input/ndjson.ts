// NDJSON input: one article record per line, read as a stream. Lines are cut from
// the byte stream here rather than with node:readline, because readline holds a
// whole line however long it is; this keeps at most --max-bytes of one line, so
// memory stays flat on any input, and a line that is too long is skipped and
// reported while the lines after it are still read.
import { ClaimsError } from '../errors.js';
import { ArticleRecordSchema, type ArticleMeta } from '../model.js';
import { normaliseNewlines, STRICT_UTF8 } from './decode.js';
import { isoDayOf } from './iso-day.js';
import { formatBytes } from './read.js';

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line without its line ending; absent when it was longer than the limit. */
  bytes?: Buffer;
  /** Bytes seen of a line that was over the limit (reading stopped there). */
  tooLong?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Splits a byte stream into lines, holding at most `maxBytes` of any one line. */
export async function* splitLines(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let number = 1;
  const take = (part: Buffer): void => {
    size += part.length;
    if (skipping) return;
    if (size > maxBytes) {
      skipping = true;
      pending = [];
    } else if (part.length > 0) pending.push(part);
  };
  const finish = (): Line => {
    const line: Line = skipping ? { number, tooLong: size } : { number, bytes: stripCr(Buffer.concat(pending)) };
    pending = [];
    size = 0;
    skipping = false;
    number++;
    return line;
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let at = buf.indexOf(LF, from); at !== -1; at = buf.indexOf(LF, from)) {
      // Copied, so a kept line does not pin the whole chunk in memory.
      take(Buffer.from(buf.subarray(from, at)));
      yield finish();
      from = at + 1;
    }
    if (from < buf.length) take(Buffer.from(buf.subarray(from)));
  }
  if (size > 0 || pending.length > 0) yield finish();
}

function stripCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, -1) : line;
}

/** An article as a record gives it: its text or its page's markup, and its metadata. */
export interface RecordArticle {
  text?: string;
  html?: string;
  meta: ArticleMeta;
}

/** Reads one NDJSON line (null for a blank one); `where` names it in errors ("'feed.ndjson' line 3"). */
export function readRecord(line: Line, where: string, maxBytes: number): RecordArticle | null {
  if (line.bytes === undefined) {
    throw new ClaimsError(`${where} is more than ${formatBytes(line.tooLong ?? 0)}, above the limit of ${formatBytes(maxBytes)}`, {
      code: 'INPUT_TOO_LARGE',
      hint: 'raise the limit with --max-bytes (it applies to each record) if this really is one article',
    });
  }
  let source: string;
  try {
    source = STRICT_UTF8.decode(line.bytes);
  } catch (cause) {
    throw recordError(where, 'is not valid UTF-8', cause);
  }
  if (source.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (cause) {
    throw recordError(where, `is not valid JSON (${(cause as Error).message})`, cause);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw recordError(where, 'is not a JSON object');
  }
  const checked = ArticleRecordSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
    throw recordError(where, `is not an article record: ${field}${issue?.message ?? 'invalid'}`);
  }
  const record = checked.data;
  const date = record.date ? isoDayOf(record.date) : undefined;
  if (record.date && !date) {
    throw recordError(where, `has "date": ${JSON.stringify(record.date)}, which is not a date (give YYYY-MM-DD or an ISO 8601 time)`);
  }
  const meta: ArticleMeta = {};
  if (record.title?.trim()) meta.title = record.title.replace(/\s+/g, ' ').trim();
  if (date) meta.date = date;
  if (record.source?.trim()) meta.source = record.source.trim();
  if (record.byline?.trim()) meta.byline = record.byline.trim();
  if (record.url) meta.url = record.url;
  if (record.text !== undefined) {
    const text = normaliseNewlines(record.text.replace(/^\uFEFF/, ''));
    if (text.trim() === '') throw recordError(where, 'has an empty "text"');
    return { text, meta };
  }
  if (!record.html?.trim()) throw recordError(where, 'has an empty "html"');
  return { html: record.html, meta };
}

function recordError(where: string, what: string, cause?: unknown): ClaimsError {
  return new ClaimsError(`${where} ${what}`, {
    code: 'INPUT_INVALID',
    hint: 'each line must be a JSON object such as {"text": "Title\\n\\nStory…", "url": "https://…", "date": "2025-02-04", "title": "…"}',
    cause,
  });
}
