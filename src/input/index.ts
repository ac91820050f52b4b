// Getting articles: files, folders, URLs and standard input; plain text, web pages
// (HTML, extracted on demand) and NDJSON records; bytes checked and decoded to text.
export { readArticle, parseByteSize, formatBytes, DEFAULT_MAX_BYTES } from './read.js';
export type { ArticleInput, ReadOptions } from './read.js';
export { decodeArticle, decodePage, describeOrigin, normaliseNewlines } from './decode.js';
export { readSource } from './inputs.js';
export type { ArticleText, InputItem, InputOptions } from './inputs.js';
export { expandSources } from './sources.js';
export type { ExpandedSources } from './sources.js';
export { INPUT_FORMATS, sniffFormat, formatOfPath, formatOfContentType } from './format.js';
export type { InputFormat } from './format.js';
export { DEFAULT_TIMEOUT_MS, MAX_REDIRECTS, fetchPage, isUrl, parseTimeout, formatSeconds } from './fetch.js';
export { splitLines, readRecord } from './ndjson.js';
