// Preloaded with `node --import` in a test: in a worker thread (never the main
// one), opening a file whose name ends in crash-me.txt ends that thread with
// exit code 3, the way a bug or a crash in the parser would.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) {
  const open = fs.openSync;
  fs.openSync = (file, ...rest) => {
    if (String(file).endsWith('crash-me.txt')) process.exit(3);
    return open(file, ...rest);
  };
  // So that `import { openSync } from 'node:fs'` sees it too.
  syncBuiltinESMExports();
}
