// `npm start`: the main job on the bundled article. Ingests
// data/articles/dprk-troops-denial.txt into a store under data/store/ (ignored by
// git, so the demo touches nothing of the user's) with the built CLI, then shows
// who asserts, denies and has not confirmed the troop deployment.
// An optional argument names another store folder (the tests use a temporary one).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const store = path.resolve(process.argv[2] ?? path.join(root, 'data', 'store'));
const article = path.join('data', 'articles', 'dprk-troops-denial.txt');

if (!existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error('error: the CLI is not built yet\nhint: run `npm ci` (it builds dist/) or `npm run build`, then `npm start` again');
  process.exit(1);
}

function claims(args) {
  const shown = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
  console.log(`\n$ claims ${shown}`);
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'claims.js'), '--store', store, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`Demo store: ${path.relative(root, store) || '.'}/ (delete it to start again)`);
claims(['ingest', article]);
claims(['compare', '--about', 'deployment']);
console.log(`
Next, try for example:
  node bin/claims.js --store ${path.relative(root, store)} list --actor "Seoul NIS"
  node bin/claims.js --store ${path.relative(root, store)} actors
  node bin/claims.js --store ${path.relative(root, store)} show <ID from the table above>`);
