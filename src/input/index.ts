// Reading articles: files or standard input, bytes checked and decoded to text.
export { readArticle, parseByteSize, formatBytes, DEFAULT_MAX_BYTES } from './read.js';
export type { ArticleInput, ReadOptions } from './read.js';
export { decodeArticle, normaliseNewlines } from './decode.js';
