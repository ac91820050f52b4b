// Which kind of input a file, a response or a stream holds: an article as plain
// text, a web page, or NDJSON records from another tool. A format given with
// --input-format always wins; otherwise the file extension or the content type
// decides, and what is left is told by its first bytes.
import path from 'node:path';

export const INPUT_FORMATS = ['text', 'html', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The extensions `claims ingest DIR` takes from a folder. */
export const FOLDER_EXTENSIONS = Object.keys(BY_EXTENSION);

export function formatOfPath(file: string): InputFormat | undefined {
  return BY_EXTENSION[path.extname(file).toLowerCase()];
}

/** The format a Content-Type header names, or undefined for one claims cannot read. */
export function formatOfContentType(contentType: string): InputFormat | undefined {
  const type = mediaType(contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' || type === '') return 'text';
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') return 'ndjson';
  return undefined;
}

export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
}

const HTML_START = /^<(?:(?:!doctype\s+html|html|head|body)[\s>]|!--|title>|meta\s+(?:charset|name|http-equiv|property)\b)/i;

/** Tells the format from the first bytes (a BOM and leading whitespace skipped). */
export function sniffFormat(start: Uint8Array): InputFormat {
  const head = new TextDecoder('utf-8').decode(start.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (HTML_START.test(head)) return 'html';
  if (head.startsWith('{')) return 'ndjson';
  return 'text';
}
