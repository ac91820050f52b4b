import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // End-to-end tests spawn bin/claims.js, which runs the bundle in dist/: build it once per run.
    globalSetup: ['test/helpers/build-once.ts'],
  },
});
