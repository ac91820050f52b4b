// Lists the user may shape, kept next to the store: the actor registry
// (<dir>/actors.json) and the topics (<dir>/topics.json). Each falls back to the list
// bundled with claims when the user has none. The bundled JSON is imported (not read
// from disk) so the esbuild bundle carries it and an installed claims needs no data path.
import defaultActors from '../../data/actors.json' with { type: 'json' };
import defaultTopics from '../../data/topics.json' with { type: 'json' };
import fs from 'node:fs/promises';
import type * as z from 'zod/mini';
import { ClaimsError } from '../errors.js';
import { ActorRegistrySchema, TopicListSchema, type ActorRegistry, type TopicList } from '../model.js';
import { ioError, readIfExists, removeOrphanedTemps, writeAtomically } from './file-io.js';
import { registryFile, topicsFile } from './location.js';
import { DEFAULT_LOCK_TIMEOUT_MS, withLock } from './lock.js';
import { checkSchema, invalidFileError, parseJson, type CheckFailure } from './validate.js';

interface UserList<T> {
  /** What the file holds, for messages: "actor registry", "topic list". */
  what: string;
  file: (dir: string) => string;
  schema: z.ZodMiniType<T>;
  bundled: unknown;
  version: number;
}

const ACTORS: UserList<ActorRegistry> = { what: 'actor list', file: registryFile, schema: ActorRegistrySchema, bundled: defaultActors, version: 1 };
const TOPICS: UserList<TopicList> = { what: 'topic list', file: topicsFile, schema: TopicListSchema, bundled: defaultTopics, version: 1 };

const parsedBundles = new Map<UserList<unknown>, unknown>();

async function readList<T>(list: UserList<T>, dir: string): Promise<T> {
  const file = list.file(dir);
  const bytes = await readIfExists(file);
  if (bytes === undefined) return bundled(list);

  const parsed = parseJson(bytes.toString('utf8'));
  if (!parsed.ok) throw listInvalid(list, file, parsed);
  const version = (parsed.value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > list.version) {
    throw new ClaimsError(`${file} is ${list.what} version ${version}, but this claims only understands version ${list.version}`, {
      code: 'STORE_TOO_NEW',
      hint: `Upgrade claims (npm install -g claims@latest), or move the file away to use the bundled ${list.what}.`,
    });
  }
  const checked = checkSchema(list.schema, parsed.value);
  if (!checked.ok) throw listInvalid(list, file, checked);
  return checked.value;
}

/** Validates, then replaces the list's file atomically under its own lock. */
async function writeList<T>(list: UserList<T>, dir: string, value: T, opts: { lockTimeoutMs?: number }): Promise<void> {
  const file = list.file(dir);
  const checked = checkSchema(list.schema, value);
  if (!checked.ok) {
    throw new ClaimsError(`${list.what} is invalid at ${checked.where ?? '(top level)'}: ${checked.problem}`, {
      code: 'INPUT_INVALID',
      hint: 'Nothing was written. Fix that value and try again.',
    });
  }
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw ioError('create', dir, err);
  }
  await withLock(file, opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async (lock) => {
    await removeOrphanedTemps(file);
    lock.assertHeld();
    await writeAtomically(file, `${JSON.stringify(checked.value, null, 2)}\n`);
  });
}

// Parsed once (the schema fills in defaults such as `aliases: []`), copied per call
// so a caller that edits its copy cannot change what the next caller gets.
function bundled<T>(list: UserList<T>): T {
  if (!parsedBundles.has(list)) parsedBundles.set(list, list.schema.parse(list.bundled));
  return structuredClone(parsedBundles.get(list) as T);
}

function listInvalid<T>(list: UserList<T>, file: string, failure: CheckFailure): ClaimsError {
  return invalidFileError(file, failure, [`move it away (claims then uses its bundled ${list.what})`]);
}

export const readRegistry = (dir: string): Promise<ActorRegistry> => readList(ACTORS, dir);
export const writeRegistry = (dir: string, registry: ActorRegistry, opts: { lockTimeoutMs?: number } = {}): Promise<void> =>
  writeList(ACTORS, dir, registry, opts);
export const readTopics = (dir: string): Promise<TopicList> => readList(TOPICS, dir);
export const writeTopics = (dir: string, topics: TopicList, opts: { lockTimeoutMs?: number } = {}): Promise<void> => writeList(TOPICS, dir, topics, opts);
