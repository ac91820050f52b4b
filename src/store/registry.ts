// The actor registry: the user's <dir>/actors.json when there is one, else the
// list bundled with claims. The bundled JSON is imported (not read from disk) so
// the esbuild bundle carries it and an installed claims needs no data path.
import defaults from '../../data/actors.json' with { type: 'json' };
import fs from 'node:fs/promises';
import { ClaimsError } from '../errors.js';
import { ActorRegistrySchema, type ActorRegistry } from '../model.js';
import { ioError, readIfExists, removeOrphanedTemps, writeAtomically } from './file-io.js';
import { registryFile } from './location.js';
import { DEFAULT_LOCK_TIMEOUT_MS, withLock } from './lock.js';
import { checkSchema, invalidFileError, parseJson, type CheckFailure } from './validate.js';

const REGISTRY_VERSION = 1;
let bundled: ActorRegistry | undefined;

export async function readRegistry(dir: string): Promise<ActorRegistry> {
  const file = registryFile(dir);
  const bytes = await readIfExists(file);
  if (bytes === undefined) return bundledRegistry();

  const parsed = parseJson(bytes.toString('utf8'));
  if (!parsed.ok) throw registryInvalid(file, parsed);
  const version = (parsed.value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > REGISTRY_VERSION) {
    throw new ClaimsError(
      `${file} is actor registry version ${version}, but this claims only understands version ${REGISTRY_VERSION}`,
      { code: 'STORE_TOO_NEW', hint: 'Upgrade claims (npm install -g claims@latest), or move the file away to use the bundled actors.' },
    );
  }
  const checked = checkSchema(ActorRegistrySchema, parsed.value);
  if (!checked.ok) throw registryInvalid(file, checked);
  return checked.value;
}

/** Validates, then replaces <dir>/actors.json atomically under its own lock. */
export async function writeRegistry(dir: string, registry: ActorRegistry, opts: { lockTimeoutMs?: number } = {}): Promise<void> {
  const file = registryFile(dir);
  const checked = checkSchema(ActorRegistrySchema, registry);
  if (!checked.ok) {
    throw new ClaimsError(`actor registry is invalid at ${checked.where ?? '(top level)'}: ${checked.problem}`, {
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
// so a caller that edits its registry cannot change what the next caller gets.
function bundledRegistry(): ActorRegistry {
  bundled ??= ActorRegistrySchema.parse(defaults);
  return structuredClone(bundled);
}

function registryInvalid(file: string, failure: CheckFailure): ClaimsError {
  return invalidFileError(file, failure, ['move it away (claims then uses its bundled actor list)']);
}
