// Preloaded with `node --import` in a test: appends the URL of every module that
// loads to the file named by CLAIMS_TRACE_FILE, so a test can tell which modules
// a command pulls in.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(process.env.CLAIMS_TRACE_FILE, url + '\\n');
      return next(url, context);
    }
  `)}`,
);
