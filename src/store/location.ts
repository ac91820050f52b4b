// Where the user's data lives. Kept free of I/O so the CLI can print the resolved
// directory (and tests can check the order) without touching the disk.
import os from 'node:os';
import path from 'node:path';

export const STORE_FILE = 'store.json';
export const REGISTRY_FILE = 'actors.json';

/**
 * `--store` wins, then CLAIMS_STORE, then the XDG data directory, then
 * ~/.local/share. Empty values count as unset, so `CLAIMS_STORE= claims …`
 * falls through instead of pointing at the current directory.
 */
export function resolveStoreDir(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const home = nonEmpty(env.HOME) ?? os.homedir();
  const chosen = nonEmpty(explicit) ?? nonEmpty(env.CLAIMS_STORE);
  if (chosen !== undefined) return path.resolve(expandHome(chosen, home));
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, 'claims');
  return path.join(home, '.local', 'share', 'claims');
}

export function storeFile(dir: string): string {
  return path.join(dir, STORE_FILE);
}

export function registryFile(dir: string): string {
  return path.join(dir, REGISTRY_FILE);
}

export function topicsFile(dir: string): string {
  return path.join(dir, 'topics.json');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

// A quoted `CLAIMS_STORE="~/notes"` reaches us unexpanded; the shell would have
// expanded it unquoted, so do the same rather than create a folder named "~".
function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}
