// Runs Debian's headless Chromium on a local file, with everything that would reach
// the network or the desktop turned off, and collects what the page logged.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The chromium executable on PATH, or null (then browser tests are skipped). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export interface ChromiumRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Lines in which the page logged to its console, or threw ("Uncaught …"). */
  console: string[];
}

export async function runChromium(chromium: string, file: string, extra: string[]): Promise<ChromiumRun> {
  const profile = await mkdtemp(path.join(tmpdir(), 'claims-chromium-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0',
    ...extra, pathToFileURL(file).href,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, console: stderr.split('\n').filter((line) => /:CONSOLE[:(\]]|Uncaught/.test(line)) }),
    );
  });
}
