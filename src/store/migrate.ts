// Store format versions. Each entry of MIGRATIONS lifts raw JSON from version N to
// N+1 and knows nothing about later versions, so adding version 2 means appending
// one function, never editing an old one. Migrations run on untrusted JSON and are
// allowed to produce garbage: the result is validated against StoreSchema after.
import { STORE_VERSION } from '../model.js';

type Migration = (old: unknown) => unknown;

/** MIGRATIONS[n] turns a version-n store into a version-(n+1) store. */
export const MIGRATIONS: readonly Migration[] = [
  // Version 0 is what came before the store had a version: a bare array of claims,
  // or an object holding `claims` (and perhaps `articles`) with no `version`.
  // Claims whose article is missing stay valid; queries already allow for that.
  (old) => {
    if (Array.isArray(old)) return { version: 1, articles: [], claims: old };
    const record = old as Record<string, unknown>;
    return { version: 1, articles: Array.isArray(record.articles) ? record.articles : [], claims: record.claims };
  },
  // Version 2 holds the same data split into a manifest and per-speaker shard files.
  // In memory the content is unchanged; store-file.ts writes the new layout.
  (old) => ({ ...(old as Record<string, unknown>), version: 2 }),
];

export type VersionCheck =
  | { kind: 'known'; version: number }
  | { kind: 'too-new'; version: number }
  | { kind: 'invalid'; where: string; problem: string };

export function detectVersion(raw: unknown): VersionCheck {
  if (Array.isArray(raw)) return { kind: 'known', version: 0 };
  if (typeof raw !== 'object' || raw === null) {
    return { kind: 'invalid', where: '(top level)', problem: `expected an object with version, articles and claims, got ${describe(raw)}` };
  }
  const version = (raw as Record<string, unknown>).version;
  if (version === undefined) return { kind: 'known', version: 0 };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'invalid', where: 'version', problem: `expected a whole number, got ${describe(version)}` };
  }
  if (version > STORE_VERSION) return { kind: 'too-new', version };
  return { kind: 'known', version };
}

/** Applies every migration from `from` up to STORE_VERSION. */
export function migrateFrom(from: number, raw: unknown): unknown {
  let value = raw;
  for (let version = from; version < STORE_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw new Error(`no store migration from version ${version} to ${version + 1}`);
    value = step(value);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${String(value)}`;
}
