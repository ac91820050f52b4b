// Fetching a web page with Node's fetch, as a careful client would: one time limit
// for the whole exchange, a size limit checked while the body streams in (the
// download stops there), redirects followed by hand a bounded number of times (so
// loops and hops to other schemes are caught), and errors that say what happened.
import { ClaimsError } from '../errors.js';
import { formatBytes } from './read.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The address asked for. */
  requested: string;
  /** The address the page came from, after redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function fetchPage(address: string, options: FetchOptions): Promise<FetchedPage> {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  let url = parseUrl(address);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const seen = new Set<string>();
  try {
    for (let hops = 0; ; hops++) {
      seen.add(url.href);
      const response = await request(url, address, controller.signal, () => timedOut, options);
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) throw fetchError(address, `answered ${statusText(response)} without saying where to go (no Location header)`);
        const next = parseUrl(location, url, address);
        if (seen.has(next.href)) {
          throw fetchError(address, `redirects in a loop (${url.href} → ${next.href}, which was already visited)`, 'the site is misconfigured; open it in a browser, save the page and ingest the saved file');
        }
        if (hops + 1 > maxRedirects) {
          throw fetchError(address, `redirected more than ${maxRedirects} times (last to ${next.href})`, 'give the final address of the page instead');
        }
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw fetchError(
          address,
          `answered ${statusText(response)}${url.href === address ? '' : ` (at ${url.href})`}`,
          response.status === 404 || response.status === 410
            ? 'check the address; the page may have moved or been removed'
            : response.status === 401 || response.status === 403
              ? 'the site refuses this client; open the page in a browser, save it and ingest the saved file'
              : 'try again later, or save the page from a browser and ingest the saved file',
        );
      }
      const contentType = response.headers.get('content-type') ?? '';
      const bytes = await readBody(response, address, options.maxBytes, controller, () => timedOut, options);
      return { requested: address, url: url.href, contentType, bytes };
    }
  } finally {
    clearTimeout(timer);
  }
}

async function request(url: URL, address: string, signal: AbortSignal, timedOut: () => boolean, options: FetchOptions): Promise<Response> {
  try {
    return await fetch(url, {
      redirect: 'manual',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1', 'user-agent': 'claims (news claim tracker)' },
    });
  } catch (cause) {
    if (timedOut()) throw timeoutError(address, options.timeoutMs, cause);
    throw fetchError(address, `could not be fetched: ${networkReason(cause)}`, 'check the address and your network connection', cause);
  }
}

async function readBody(
  response: Response,
  address: string,
  maxBytes: number,
  controller: AbortController,
  timedOut: () => boolean,
  options: FetchOptions,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw tooLarge(address, maxBytes, declared, false);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        controller.abort();
        throw tooLarge(address, maxBytes, size, true);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof ClaimsError) throw cause;
    if (timedOut()) throw timeoutError(address, options.timeoutMs, cause);
    throw fetchError(address, `broke off while downloading: ${networkReason(cause)}`, 'try again', cause);
  }
  return Buffer.concat(chunks, size);
}

function parseUrl(value: string, base?: URL, address = value): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch (cause) {
    throw new ClaimsError(`'${value}' is not a web address`, { code: 'USAGE', hint: 'give a full address such as https://example.com/news/story.html', cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchError(address, `leads to '${url.href}', which is not an http(s) address`, 'claims fetches http and https addresses only');
  }
  return url;
}

function statusText(response: Response): string {
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
  const code = inner?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed';
  if (code !== undefined && (code.startsWith('ERR_TLS') || code.includes('CERT'))) return `TLS error (${code})`;
  return inner?.message ?? (cause as Error).message;
}

function fetchError(address: string, what: string, hint?: string, cause?: unknown): ClaimsError {
  return new ClaimsError(`'${address}' ${what}`, { code: 'FETCH_FAILED', hint, cause });
}

function timeoutError(address: string, timeoutMs: number, cause: unknown): ClaimsError {
  return fetchError(address, `did not answer within ${formatSeconds(timeoutMs)}`, 'try again, or wait longer with --timeout (e.g. --timeout 60)', cause);
}

function tooLarge(address: string, maxBytes: number, size: number, atLeast: boolean): ClaimsError {
  return new ClaimsError(`'${address}' is ${atLeast ? 'more than ' : ''}${formatBytes(size)}, above the limit of ${formatBytes(maxBytes)}`, {
    code: 'INPUT_TOO_LARGE',
    hint: 'raise the limit with --max-bytes (e.g. --max-bytes 100MB) if this really is one article',
  });
}

export function formatSeconds(ms: number): string {
  return `${+(ms / 1000).toFixed(3)} s`;
}

/** Parses a `--timeout` value in seconds ("30", "2.5"). */
export function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(value) || !(seconds > 0)) {
    throw new ClaimsError(`'${value}' is not a time-out in seconds`, { code: 'USAGE', hint: 'give a number of seconds, e.g. --timeout 30 or --timeout 2.5' });
  }
  return Math.round(seconds * 1000);
}
