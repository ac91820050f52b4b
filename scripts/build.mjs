// Bundles the CLI, its dependencies included, into dist/ so that `bin/claims.js`
// runs right after `npm ci` (no TypeScript at run time) and starts fast: no
// node_modules resolution, one file for the common path, and the heavy modules
// (parser, chrono-node) in chunks that only the commands needing them import.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await build({
  // The parse worker (a thread `claims ingest` starts for big folders) needs a file
  // of its own; it shares the parser's chunk with the main thread's lazy import.
  entryPoints: { main: 'src/cli/main.ts', 'parse-worker': 'src/cli/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  // Names are kept so stack traces and the module-loading test can still read them.
  minifyWhitespace: true,
  minifySyntax: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (commander, cli-table3, write-file-atomic, …) expect
  // require, __filename and __dirname, which an ES module does not have.
  banner: {
    js: [
      "import { createRequire as __cjsRequire } from 'node:module';",
      "import { fileURLToPath as __cjsPath } from 'node:url';",
      'const require = __cjsRequire(import.meta.url);',
      'const __filename = __cjsPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  sourcemap: 'linked',
  logLevel: 'warning',
});
