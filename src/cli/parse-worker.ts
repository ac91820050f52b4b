// Entry of a parse worker thread (see parse-pool.ts): takes runs of source files
// from the main thread and sends back their articles, read and parsed by the very
// code the main thread would run (parseSources), so a pool changes where claims
// are parsed, never what they are. A bundle entry of its own (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { parseSources } from './parse-input.js';
import { prepareItem, StringsOut, toWire, type ItemsMessage, type JobMessage, type WorkerData } from './parse-pool.js';

const { registry, settings } = workerData as WorkerData;
const port = parentPort!;
// Standard input is never given to a worker; this is what it would read.
const io = { stdin: (async function* () {})() };

/** Articles sent back per message at most: a long NDJSON file's go back as they are parsed. */
const GROUP = 64;

const strings = new StringsOut();
let out: Omit<ItemsMessage, 'strings'> = { items: [], done: [] };
const send = (): void => {
  port.postMessage({ ...out, strings: strings.take() } satisfies ItemsMessage);
  out = { items: [], done: [] };
};

// Runs are parsed one after the other, in the order they came.
let queue = Promise.resolve();
port.on('message', ({ sources }: JobMessage) => {
  queue = queue.then(async () => {
    for (const { id, source } of sources) {
      try {
        for await (const item of parseSources([source], registry, io, settings)) {
          out.items.push({ id, item: toWire(prepareItem(item), strings) });
          if (out.items.length >= GROUP) send();
        }
      } catch (error) {
        // parseSources turns every failure into an item; this is a bug, reported as the source's failure.
        out.items.push({ id, item: toWire({ origin: source, record: false, error }, strings) });
      }
      out.done.push(id);
    }
    send();
  });
});
