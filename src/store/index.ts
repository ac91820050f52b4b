// The store layer's public surface: the only code in claims that reads or writes
// the user's data files. Everything else imports from here, never from the modules.
export { resolveStoreDir, storeFile, registryFile, topicsFile } from './location.js';
export {
  ingestParsed,
  ingestPrepared,
  openStore,
  readClaims,
  readStore,
  streamClaims,
  updateStore,
  type SpeakerIndex,
  type StoreSnapshot,
  type UpdateOptions,
} from './store-file.js';
export { prepareResult, type PackedClaims, type PreparedResult, type ShardClaim } from './shard-text.js';
export { mergeAll, mergeParsed, removeArticle, type MergeResult } from './merge.js';
export { readRegistry, readTopics, writeRegistry, writeTopics } from './user-data.js';
