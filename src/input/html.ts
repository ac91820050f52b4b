// A web page in, the story's text and the page's metadata out. Mozilla's
// Readability (the Firefox reader view) finds the story among navigation, ads,
// related links and comments; linkedom gives it a DOM. Both are heavy, so this
// module is only ever imported on demand, when an HTML page is read.
// The metadata is read here, before Readability runs (it removes scripts, and
// with them the JSON-LD), from what publishers put in the head for search engines
// and social media: JSON-LD, OpenGraph, <title> and the canonical link.
import type { ArticleMeta } from '../model.js';
import { isoDayOf } from './iso-day.js';

// The few DOM members used here, so the project needs no DOM typings (and no DOM
// globals are visible to the rest of the code).
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
}
export interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Turns markup into a document (linkedom's by default). */
export type DocumentParser = (html: string) => DomDocument;

export interface ExtractedPage {
  /** The title on the first line, a blank line, then the story's paragraphs separated by blank lines. */
  text: string;
  meta: ArticleMeta;
}

export interface ExtractOptions {
  /** The page's own address (a fetched URL), for resolving a relative canonical link. */
  baseUrl?: string;
  /** Only for measuring other DOM implementations (scripts/dom-bench.mjs). */
  parseDocument?: DocumentParser;
}

/** Extracts the story and its metadata; null when the page holds no readable story. */
export async function extractPage(html: string, options: ExtractOptions = {}): Promise<ExtractedPage | null> {
  const parseDocument = options.parseDocument ?? (await linkedomParser());
  const Readability = await readabilityClass();
  const doc = parseDocument(html);
  const meta = readPageMeta(doc, options.baseUrl);
  removeAds(doc);
  // Readability's own reading of the metadata only fills what the page's head did not say.
  const reader = new Readability<DomElement>(doc as never, { serializer: (node) => node as unknown as DomElement });
  const found = reader.parse();
  if (!found?.content) return null;
  const title = clean(meta.title ?? found.title ?? '');
  const paragraphs = blockTexts(found.content).filter((p) => p !== title);
  if (paragraphs.length === 0) return null;
  return {
    text: `${title || paragraphs[0]}\n\n${paragraphs.join('\n\n')}\n`,
    meta: defined({
      ...meta,
      title: title || undefined,
      byline: meta.byline ?? (found.byline ? clean(found.byline).replace(/^by\s+/i, '') : undefined),
      source: meta.source ?? (found.siteName ? clean(found.siteName) : undefined),
      date: meta.date ?? isoDayOf(found.publishedTime),
    }),
  };
}

/** The fields that have a value (so spreading this over other metadata never blanks a field). */
function defined(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as ArticleMeta;
}

type ReadabilityModule = typeof import('@mozilla/readability');

/**
 * Readability is a CommonJS module: Node's own ESM loader offers its exports by
 * name, a bundler's interop only as `default`. Either way, the class.
 */
async function readabilityClass(): Promise<ReadabilityModule['Readability']> {
  const mod = (await import('@mozilla/readability')) as ReadabilityModule & { default?: ReadabilityModule };
  return mod.Readability ?? mod.default?.Readability;
}

async function linkedomParser(): Promise<DocumentParser> {
  const { DOMParser } = await import('linkedom');
  const parser = new DOMParser();
  return (html) => parser.parseFromString(html, 'text/html') as unknown as DomDocument;
}

// ---------------------------------------------------------------------------
// Metadata

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|WebPage)$/;

/** Title, date, source, byline and canonical URL from the page's head. */
export function readPageMeta(doc: DomDocument, baseUrl?: string): ArticleMeta {
  const ld = jsonLdArticle(doc);
  const metaContent = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = el?.getAttribute('content');
      if (value && value.trim()) return clean(value);
    }
    return undefined;
  };
  const titleTag = doc.querySelector('title')?.textContent;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const meta: ArticleMeta = {
    title: metaContent('og:title') ?? text(ld?.headline) ?? text(ld?.name) ?? (titleTag ? clean(titleTag) || undefined : undefined),
    date:
      isoDayOf(metaContent('article:published_time')) ??
      isoDayOf(text(ld?.datePublished)) ??
      isoDayOf(metaContent('datePublished', 'date', 'pubdate', 'dc.date', 'DC.date.issued', 'parsely-pub-date')),
    source: metaContent('og:site_name') ?? names(ld?.publisher)[0],
    byline: names(ld?.author).join(', ') || metaContent('author', 'article:author', 'byl')?.replace(/^by\s+/i, ''),
    url: absoluteUrl(canonical, baseUrl) ?? absoluteUrl(metaContent('og:url'), baseUrl) ?? absoluteUrl(text(ld?.url) ?? id(ld?.mainEntityOfPage), baseUrl),
  };
  return defined(meta);
}

type Json = Record<string, unknown>;

/** The first JSON-LD node that describes an article, looking inside @graph and arrays. */
function jsonLdArticle(doc: DomDocument): Json | undefined {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));
  for (const script of scripts) {
    let value: unknown;
    try {
      value = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue; // broken JSON-LD is common; the other sources still count
    }
    const stack = [value];
    while (stack.length > 0) {
      const node = stack.shift();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const record = node as Json;
        const types = ([] as unknown[]).concat(record['@type'] ?? []);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage')) return record;
        if (Array.isArray(record['@graph'])) stack.push(...record['@graph']);
      }
    }
  }
  return undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? clean(value) : undefined);
const id = (value: unknown): string | undefined => text(value) ?? (value && typeof value === 'object' ? text((value as Json)['@id']) ?? text((value as Json).url) : undefined);

/** Names of a JSON-LD person or organisation, or a list of them. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => text(v) ?? (v && typeof v === 'object' ? text((v as Json).name) : undefined)).filter((n): n is string => n !== undefined);
}

function absoluteUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  if (!value || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined; // relative, and no page address to resolve it against
  }
}

// ---------------------------------------------------------------------------
// Text

// Class and id words of ad slots and sponsored widgets. Readability drops most
// boilerplate by itself, but an ad inside the story's own container survives it
// (and "Doctors say this one trick…" reads as a claim).
const AD_WORD = /^(?:ads?|ad[-_]\w[\w-]*|[\w-]+[-_]ads?|advert\w*|adsbygoogle|dfp[-_]\w+|gpt[-_]ad\w*|sponsor\w*|outbrain\w*|taboola\w*)$/i;

function removeAds(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll('body [class], body [id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (words.some((w) => AD_WORD.test(w))) el.remove();
  }
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The text of each block of the story (paragraphs, headings, list items), whitespace collapsed. */
export function blockTexts(root: DomNode): string[] {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = clean(current);
    if (line) out.push(line);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') return flush();
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** One line: runs of whitespace (including newlines and no-break spaces) become one space. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
