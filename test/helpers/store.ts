// What the store tests share: sample records, a fresh folder per test, and a way to
// catch the ClaimsError a call should fail with.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { ClaimsError } from '../../src/errors.js';
import type { Article, Claim } from '../../src/model.js';

export const sampleArticle = (id: string, overrides: Partial<Article> = {}): Article => ({
  id,
  title: `Article ${id}`,
  date: '2024-05-01',
  source: 'AFP',
  byline: null,
  textHash: `hash-${id}`,
  length: 100,
  ...overrides,
});

export const sampleClaim = (id: string, overrides: Partial<Claim> = {}): Claim => ({
  id,
  articleId: 'a1',
  speaker: { id: 'seoul-nis', name: 'Seoul NIS', mention: 'the NIS' },
  stance: 'asserts',
  date: '2024-05-01',
  dateText: null,
  content: `content of ${id}`,
  quote: null,
  sentence: `The NIS said ${id}.`,
  start: 0,
  end: 10,
  cue: 'said',
  ...overrides,
});

/** A new empty folder for each test, removed after it; call at the top of a test file. */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** The ClaimsError a promise rejects with (and a failed expectation if it does not). */
export async function caught(promise: Promise<unknown>): Promise<ClaimsError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClaimsError);
  return err as ClaimsError;
}

/**
 * What a version-2 store folder holds, read with plain fs and JSON.parse (not the
 * store code): store.json's articles and the claims of every shard it lists.
 */
export async function storeOnDisk(dir: string): Promise<{ version: number; articles: Article[]; claims: Claim[]; files: string[] }> {
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'store.json'), 'utf8')) as {
    version: number;
    articles: Article[];
    shards: Record<string, { file: string }>;
  };
  const claims: Claim[] = [];
  const files: string[] = [];
  for (const { file } of Object.values(manifest.shards)) {
    files.push(file);
    claims.push(...(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as { claims: Claim[] }).claims);
  }
  return { version: manifest.version, articles: manifest.articles, claims, files };
}
