// The report opened in a real browser: Debian's headless Chromium renders the file
// claims wrote from articles parsed by the real parser (the follow-up fixtures and
// an article that tries to inject a script). The DOM must hold the matrix and the
// chart, the page must log nothing to its console, and a screenshot must show the
// stance colours. Skipped, with a message, where Chromium is not installed; CI
// installs it (.ci/run).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STANCE_COLOURS } from '../src/cli/report/chart.js';
import { tempStore } from './helpers/claims.js';
import { findChromium, runChromium } from './helpers/chromium.js';
import { countColour, readPng } from './helpers/png.js';
import { claims, FIXTURES } from './helpers/spawn.js';

const chromium = findChromium();
if (!chromium) console.warn('e2e-report-browser: chromium is not on PATH, so the report is not checked in a browser (apt-get install chromium)');

const FOLLOWUP = ['day1-leak-unconfirmed.txt', 'day2-company-repeats.txt', 'day3-ministry-confirms.txt'].map((f) => path.join(FIXTURES, 'followup', f));
const HOSTILE = [
  'Prankster says leak was staged <script>document.title="pwned"</script>',
  'March 5, 2025',
  '',
  `"The leak <script>document.title='pwned';console.error('injected')</script> was staged," the prankster said on Wednesday.`,
  '',
  'Norvane Chemicals denied that the prankster <img src=x onerror=console.error(1)> worked for it.',
  '',
].join('\n');

let dir: string;
let report: string;

beforeAll(async () => {
  if (!chromium) return;
  dir = await tempStore();
  const hostile = path.join(dir, 'hostile.txt');
  await writeFile(hostile, HOSTILE);
  const store = path.join(dir, 'store');
  const ingest = await claims(['--store', store, 'ingest', ...FOLLOWUP, hostile]);
  expect(ingest.stderr).toBe('');
  report = path.join(dir, 'report.html');
  const written = await claims(['--store', store, 'report', '--out', report]);
  expect(written.code).toBe(0);
}, 60_000);

describe('the report in headless Chromium', () => {
  it.skipIf(!chromium)('console detection works: a page that logs and throws is caught (so the checks below can fail)', async () => {
    const control = path.join(dir, 'control.html');
    await writeFile(control, "<!doctype html><p>x</p><script>console.error('boom'); undefinedFunction();</script>");
    const run = await runChromium(chromium!, control, ['--dump-dom']);
    expect(run.console.join('\n')).toMatch(/"boom"/);
    expect(run.console.join('\n')).toMatch(/Uncaught ReferenceError/);
  }, 90_000);

  it.skipIf(!chromium)('renders the matrix and the SVG chart, runs no script and logs nothing', async () => {
    const run = await runChromium(chromium!, report, ['--dump-dom']);
    expect(run.code).toBe(0);
    expect(run.console).toEqual([]);
    const dom = run.stdout;
    expect(dom).toMatch(/<table class="matrix">/);
    const rows = dom.match(/<tr><th scope="row">/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(dom).toMatch(/<svg [^>]*class="timeline-chart"/);
    expect((dom.match(/class="mark (asserts|denies|unconfirmed)"/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect(dom).toContain('unconfirmed → asserts');
    expect(dom).toMatch(/<article class="conflict"/);
    // The injected markup stayed text: no script or img element, and the title is the page's.
    expect(dom).not.toMatch(/<script|<img/i);
    expect(dom).toContain('&lt;script&gt;document.title=');
    expect(dom).toMatch(/<title>Claims report<\/title>/);
  }, 90_000);

  it.skipIf(!chromium)('a screenshot shows the page, painted in the stance colours', async () => {
    const png = path.join(dir, 'report.png');
    const run = await runChromium(chromium!, report, [`--screenshot=${png}`, '--window-size=1200,1600', '--hide-scrollbars']);
    expect(run.code).toBe(0);
    expect(run.console).toEqual([]);
    const image = readPng(await readFile(png));
    expect([image.width, image.height]).toEqual([1200, 1600]);
    for (const colour of Object.values(STANCE_COLOURS)) expect(countColour(image, colour), colour).toBeGreaterThan(30);
  }, 90_000);
});
