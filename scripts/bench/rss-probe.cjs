// Preloaded into a benchmarked claims process (NODE_OPTIONS=--require): writes the
// process's peak resident set size, in kilobytes, to $BENCH_RSS_OUT when it exits.
const fs = require('node:fs');
const out = process.env.BENCH_RSS_OUT;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
