// Bundles the CLI into dist/ so that `bin/claims.js` runs right after `npm ci`
// (no TypeScript at run time) and starts fast (one file to load, heavy modules
// split into chunks that are imported only by the commands that need them).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
