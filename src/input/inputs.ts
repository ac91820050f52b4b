// From one argument (a file, a URL or "-") to the articles it holds, each as text
// with the metadata that came with it: one for a text file or a web page, one per
// line for NDJSON. Articles are produced one at a time, so a stream of records is
// never held whole; a bad record is reported as such and the next is read.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ClaimsError } from '../errors.js';
import type { ArticleMeta } from '../model.js';
import { decodeArticle, decodePage, describeOrigin } from './decode.js';
import { fetchPage, isUrl } from './fetch.js';
import { charsetOf, formatOfContentType, formatOfPath, mediaType, sniffFormat, type InputFormat } from './format.js';
import { readRecord, splitLines } from './ndjson.js';
import { fileError, readArticleBytes } from './read.js';

export interface InputOptions {
  /** Limit for one article (a file, a page, or one NDJSON record). */
  maxBytes: number;
  /** Where "-" reads from. */
  stdin: AsyncIterable<Uint8Array | string>;
  /** The format given with --input-format; otherwise told from the name, the content type or the bytes. */
  format?: InputFormat;
  /** Time limit for fetching one URL. */
  timeoutMs: number;
}

export interface ArticleText {
  /** Where the article came from: the path or URL as given, "-", or "<origin>:<line>" for a record. */
  origin: string;
  /** LF line endings, no BOM: offsets of claims refer to this. */
  text: string;
  /** Metadata from the page or the record; wins over what the parser reads from the text. */
  meta: ArticleMeta;
}

export type InputItem = { origin: string; article: ArticleText } | { origin: string; error: unknown };

/** The articles one source holds, or the error that stopped each from being read. */
export async function* readSource(source: string, options: InputOptions): AsyncGenerator<InputItem> {
  try {
    if (isUrl(source)) yield* readUrl(source, options);
    else if (source === '-') yield* readStdin(options);
    else yield* readFileSource(source, options);
  } catch (error) {
    yield { origin: source, error };
  }
}

async function* readFileSource(file: string, options: InputOptions): AsyncGenerator<InputItem> {
  const format = options.format ?? formatOfPath(file);
  if (format === 'ndjson') {
    try {
      if ((await stat(file)).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    } catch (cause) {
      throw fileError(file, cause);
    }
    yield* readRecords(file, createReadStream(file), options);
    return;
  }
  const bytes = await readArticleBytes(file, options);
  yield* fromBytes(file, bytes, format ?? sniffFormat(bytes), options);
}

async function* readStdin(options: InputOptions): AsyncGenerator<InputItem> {
  const iterator = options.stdin[Symbol.asyncIterator]();
  // Enough of the stream to tell its format: up to the first byte that is not white space.
  const head: Buffer[] = [];
  let format = options.format;
  let ended = false;
  while (format === undefined) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : Buffer.from(next.value));
    const seen = Buffer.concat(head);
    if (seen.toString('latin1').replace(/^(?:\xef\xbb\xbf)?\s*/, '').length >= 16) format = sniffFormat(seen);
  }
  const stream = (async function* () {
    yield* head;
    if (!ended) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
  })();
  const kind = format ?? sniffFormat(Buffer.concat(head));
  if (kind === 'ndjson') {
    yield* readRecords('-', stream, options);
    return;
  }
  const bytes = await readArticleBytes('-', { ...options, stdin: stream });
  yield* fromBytes('-', bytes, kind, options);
}

async function* readUrl(url: string, options: InputOptions): AsyncGenerator<InputItem> {
  const page = await fetchPage(url, options);
  const type = mediaType(page.contentType);
  const format = options.format ?? (type === '' ? sniffFormat(page.bytes) : formatOfContentType(page.contentType));
  if (format === undefined) {
    throw new ClaimsError(`'${url}' is ${type}, not a web page (HTML) or plain text`, {
      code: 'INPUT_INVALID',
      hint: 'claims reads HTML pages and plain text; save other documents as text first, or give --input-format html if the site labels its pages wrongly',
    });
  }
  if (format === 'ndjson') {
    yield* readRecords(url, [page.bytes], options);
    return;
  }
  const text = decodePage(page.bytes, url, charsetOf(page.contentType), format === 'html');
  if (format === 'html') {
    const extracted = await extractHtml(text, describeOrigin(url), url, page.url);
    yield { origin: url, article: { ...extracted, meta: { url: page.url, ...extracted.meta } } };
  } else {
    yield { origin: url, article: { origin: url, text, meta: { url: page.url } } };
  }
}

async function* fromBytes(origin: string, bytes: Uint8Array, format: InputFormat, options: InputOptions): AsyncGenerator<InputItem> {
  if (format === 'ndjson') yield* readRecords(origin, [bytes], options);
  else if (format === 'html') yield { origin, article: await extractHtml(decodePage(bytes, origin), describeOrigin(origin), origin) };
  else yield { origin, article: { origin, text: decodeArticle(bytes, origin), meta: {} } };
}

async function* readRecords(origin: string, chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>, options: InputOptions): AsyncGenerator<InputItem> {
  const where = describeOrigin(origin);
  const stream = Symbol.asyncIterator in chunks ? chunks : (async function* () { yield* chunks; })();
  let lines;
  try {
    lines = splitLines(stream, options.maxBytes);
    for await (const line of lines) {
      const recordOrigin = `${origin}:${line.number}`;
      try {
        const record = readRecord(line, `${where} line ${line.number}`, options.maxBytes);
        if (record === null) continue;
        if (record.text !== undefined) {
          yield { origin: recordOrigin, article: { origin: recordOrigin, text: record.text, meta: record.meta } };
        } else {
          const page = await extractHtml(normalise(record.html ?? ''), `${where} line ${line.number}`, recordOrigin, record.meta.url);
          yield { origin: recordOrigin, article: { ...page, meta: { ...page.meta, ...record.meta } } };
        }
      } catch (error) {
        yield { origin: recordOrigin, error };
      }
    }
  } catch (cause) {
    // The stream itself failed (a file that vanished, a read error): that ends this source.
    throw origin === '-' || isUrl(origin) ? cause : fileError(origin, cause);
  }
}

const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

/** The story of a page, loading the HTML modules on first use; `where` names the page in errors. */
async function extractHtml(html: string, where: string, origin: string, baseUrl?: string): Promise<ArticleText> {
  const { extractPage } = await import('./html.js');
  const page = await extractPage(html, { baseUrl });
  if (!page) {
    throw new ClaimsError(`${where} has no story that claims can find (no article text in the page)`, {
      code: 'INPUT_INVALID',
      hint: 'if the page builds its story with JavaScript, open it in a browser, save it (File › Save Page As) and ingest the saved file',
    });
  }
  return { origin, text: page.text, meta: page.meta };
}
