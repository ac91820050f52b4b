// Measures the DOMs Readability can run on (linkedom, jsdom) over the HTML test
// fixtures: milliseconds per page and whether the extracted text, and the claims
// the parser finds in it, are the same. This is how the project chose its DOM
// (README, "Web pages"). Only the chosen DOM is a dependency; to measure the other:
//
//   npm install --no-save jsdom@28.1.0 && node scripts/dom-bench.mjs [ROUNDS]
//
// The extraction code measured is src/input/html.ts itself, bundled on the fly.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = path.join(root, 'test', 'fixtures', 'html');
const rounds = Number(process.argv[2] ?? 20);

const outdir = path.join(root, 'node_modules', '.cache', 'dom-bench');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [path.join(root, 'src', 'input', 'html.ts')],
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
const { extractPage } = await import(pathToFileURL(path.join(outdir, 'html.js')).href);

const doms = {
  linkedom: async () => {
    const { DOMParser } = await import('linkedom');
    const parser = new DOMParser();
    return (html) => parser.parseFromString(html, 'text/html');
  },
  jsdom: async () => {
    const { JSDOM } = await import('jsdom');
    return (html) => new JSDOM(html).window.document;
  },
};

const pages = readdirSync(fixtures)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, html: readFileSync(path.join(fixtures, f), 'utf8') }));
// A long page too: one story's paragraphs many times over, inside the same boilerplate.
const long = pages.find((p) => p.name === 'valmore-bridge.html');
const para = /<p>The regional engineering board[\s\S]*?<\/p>/.exec(long.html)[0];
pages.push({ name: 'valmore x200 paragraphs', html: long.html.replace(para, para.repeat(200)) });

const results = {};
for (const [name, load] of Object.entries(doms)) {
  const started = performance.now();
  let parseDocument;
  try {
    parseDocument = await load();
  } catch {
    console.log(`${name}: not installed (npm install --no-save ${name === 'jsdom' ? 'jsdom@28.1.0' : name})\n`);
    continue;
  }
  const importMs = performance.now() - started;
  results[name] = { importMs, pages: {} };
  for (const page of pages) {
    const firstRun = performance.now();
    const extracted = await extractPage(page.html, { parseDocument });
    const coldMs = performance.now() - firstRun;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) await extractPage(page.html, { parseDocument });
    const ms = (performance.now() - t0) / rounds;
    results[name].pages[page.name] = { ms, coldMs, extracted };
  }
}

/** Claim ids and stances the built CLI finds in a text (through `claims parse -`). */
function claimsOf(text, meta) {
  const record = JSON.stringify({ text, ...meta });
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'claims.js'), 'parse', '-', '--input-format', 'ndjson', '--format', 'ndjson'], {
    input: `${record}\n`,
    encoding: 'utf8',
  });
  if (run.status !== 0) return `(claims parse failed: ${run.stderr.trim()})`;
  return run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((c) => `${c.id} ${c.stance}`).join(', ');
}

const names = Object.keys(results);
for (const name of names) {
  console.log(`${name}: import ${results[name].importMs.toFixed(0)} ms`);
}
console.log(`\nms per page (mean of ${rounds} runs after a first, cold one)`);
console.log(['page', ...names.map((n) => `${n} (cold)`)].join(' | '));
for (const page of pages) {
  console.log([page.name, ...names.map((n) => `${results[n].pages[page.name].ms.toFixed(1)} (${results[n].pages[page.name].coldMs.toFixed(0)})`)].join(' | '));
}
if (names.length === 2) {
  const [a, b] = names;
  console.log(`\nsame text, same metadata, same claims (${a} vs ${b}):`);
  for (const page of pages) {
    const x = results[a].pages[page.name].extracted;
    const y = results[b].pages[page.name].extracted;
    const sameText = x?.text === y?.text;
    const sameMeta = JSON.stringify(x?.meta) === JSON.stringify(y?.meta);
    const cx = x ? claimsOf(x.text, x.meta) : '';
    const cy = y ? claimsOf(y.text, y.meta) : '';
    const count = cx.startsWith('(') ? cx : `${cx ? cx.split(', ').length : 0} claims`;
    console.log(`${page.name}: text ${sameText ? 'same' : 'DIFFERENT'}, metadata ${sameMeta ? 'same' : 'DIFFERENT'}, claims ${cx === cy ? 'same' : 'DIFFERENT'} (${count})`);
    if (!sameText && x && y) {
      const xl = x.text.split('\n');
      const yl = y.text.split('\n');
      const i = xl.findIndex((line, k) => line !== yl[k]);
      console.log(`  first difference, line ${i + 1}:\n  ${a}: ${JSON.stringify(xl[i])}\n  ${b}: ${JSON.stringify(yl[i])}`);
    }
  }
}
