// Parsing on every core for `claims ingest` of many files: worker threads, each
// running the same parseSources() as the main thread (src/cli/parse-worker.ts is
// their entry, a bundle entry of its own) on runs of source files. The parser
// stays pure and single-threaded; this is only plumbing around it. Results are
// taken in the order the sources were submitted, whichever worker finished first,
// so the store's contents do not depend on scheduling. The main thread is left
// to merge and store (and to read standard input and URLs); the workers also
// render each claim's text for its shard and pack an article's claims
// (prepareResult), so what crosses to the main thread is a few objects per
// article, and the store write only joins bytes.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { ClaimsError, type ErrorCode } from '../errors.js';
import { describeOrigin, isUrl } from '../input/index.js';
import type { ActorRegistry, Article } from '../model.js';
import { prepareResult, type PackedClaims, type PreparedResult } from '../store/index.js';
import type { InputSettings, ParsedItem } from './parse-input.js';

/** Set to a whole number to force that many workers (0: parse on the main thread); unset, claims decides. */
export const WORKERS_ENV = 'CLAIMS_PARSE_WORKERS';

/**
 * Below this much input the workers cost more than they gain. Each is a V8 of its
 * own that loads the parser and compiles it again while it warms up, results are
 * copied between threads, and on the 2-core machine this was measured on, two
 * threads do about 1.4 times the work of one. There, for folders of generated
 * news, the pool was 12-19% slower at 3 MB, 3-12% slower at 5 MB, and 4-20%
 * faster at 7 MB and 15-20% at 10 MB. Machines with more cores gain sooner;
 * CLAIMS_PARSE_WORKERS decides for them.
 */
export const POOL_MIN_BYTES = 6 * 1024 * 1024;

/**
 * Beyond a few workers the main thread (receiving results, merging, the store
 * write) is the limit, and every worker holds its own copy of the parser.
 */
const MAX_WORKERS = 4;

/**
 * Sources are handed out in runs of consecutive ones, up to this many at a time,
 * and a worker is sent its next run before it finishes the current one, so it
 * never waits for the main thread. Runs get shorter towards the end of the queue
 * so that the workers finish together.
 */
const MAX_RUN = 32;
const RUNS_PER_WORKER = 2;

/**
 * No source is handed out while the results that arrived but have not been taken
 * hold this many claims: when the main thread is busy (storing a chunk), workers
 * run ahead only this far, so memory stays bounded.
 */
const BUFFERED_CLAIMS = 50_000;

/**
 * V8's optimising compiler runs again in every worker (each is a V8 of its own),
 * and on two cores its time is taken from the parsing. Its default inlining
 * budget (920 bytes of bytecode inlined into one function) makes the parser's
 * long functions slow to compile without making them faster to run: on a 5 MB
 * folder of generated news, one thread parsing spent 0.68-0.74 s compiling with
 * the default and 0.42-0.53 s with 120, parsing in the same time (1.75-1.95 s).
 * `claims ingest` of a 10 MB folder took 5-8% less CPU and time (builds run
 * alternately; BENCHMARKS.md). The flag is process-wide and read at each
 * compilation, so it is set before the first worker starts.
 */
const INLINING_BUDGET = '--max-inlined-bytecode-size-cumulative=120';

/**
 * The young generation a worker starts with. V8 starts it at 1 MB and grows it as
 * objects survive; the parser makes some 250 bytes of short-lived objects per
 * byte of text, so a worker ran ~85 scavenges for 5 MB, the early ones costly,
 * and with this ~57. One thread parsing 5 MB cold, 8 runs alternating: 1.60 s
 * and 1.94 s of CPU against 1.64 s and 2.00 s. Like the inlining budget, read
 * when an isolate is made: the main thread's heap, made already, keeps V8's
 * default (its results survive anyway, and a bigger nursery only moves them later).
 */
const YOUNG_GENERATION = '--min-semi-space-size=16';

/** Sources a worker can take: files (folders were expanded already). Standard input and URLs stay on the main thread. */
export function isPoolSource(source: string): boolean {
  return source !== '-' && !isUrl(source);
}

/** The worker entry as bundled into dist/, or undefined when running from src/ (tests in-process): then there is no pool. */
function workerEntry(): URL | undefined {
  const url = new URL('./parse-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * How many workers to parse `sources` with: 0 (parse on the main thread) on one
 * core, for fewer than two files, or for less than POOL_MIN_BYTES of them
 * (estimated from a sample of their sizes); else one per core up to MAX_WORKERS.
 * CLAIMS_PARSE_WORKERS overrides the choice.
 */
export function poolSize(sources: readonly string[], env: NodeJS.ProcessEnv): number {
  const files = sources.filter(isPoolSource);
  if (files.length === 0 || workerEntry() === undefined) return 0;
  const forced = env[WORKERS_ENV];
  if (forced !== undefined && forced !== '') {
    if (!/^\d{1,2}$/.test(forced.trim())) {
      throw new ClaimsError(`${WORKERS_ENV} must be a whole number of worker threads (0 to 99), not '${forced}'`, {
        code: 'USAGE',
        hint: `unset ${WORKERS_ENV} to let claims choose, or set it to 0 to parse on one thread`,
      });
    }
    return Math.min(Number(forced), files.length);
  }
  const cores = availableParallelism();
  if (files.length < 2 || cores < 2) return 0;
  // The folder's size, from the sizes of at most SAMPLE of its files spread over it
  // (stat-ing thousands would take longer than the choice is worth).
  const sample = files.length <= SAMPLE ? files : Array.from({ length: SAMPLE }, (_, i) => files[Math.floor((i * files.length) / SAMPLE)]!);
  let bytes = 0;
  for (const file of sample) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Reading it will say what is wrong, in its turn.
    }
  }
  return (bytes / sample.length) * files.length >= POOL_MIN_BYTES ? Math.min(cores, MAX_WORKERS, files.length) : 0;
}

const SAMPLE = 64;

/** An item of parseSources with its claims ready for the store: what ingest stores. */
export type PreparedItem =
  | { origin: string; record: boolean; prepared: PreparedResult }
  | { origin: string; record: boolean; error: unknown };

export function prepareItem(item: ParsedItem): PreparedItem {
  return 'parsed' in item ? { origin: item.origin, record: item.record, prepared: prepareResult(item.parsed) } : item;
}

// ---------------------------------------------------------------------------
// What crosses between the threads. Prepared results are plain data and are cloned
// as they are; errors lose their class on the way, so they travel as fields.

export interface WorkerData {
  registry: ActorRegistry;
  settings: InputSettings;
}

/** Main thread → worker: parse these sources, one after the other. */
export interface JobMessage {
  sources: { id: number; source: string }[];
}

/**
 * Worker → main thread: items of sources, each source's in order; `done` lists the
 * sources whose last item was sent. A message carries many articles: one per
 * article costs more in postMessage than cloning the claims. `strings` are the
 * worker's strings first sent with this message (see StringsOut).
 */
export interface ItemsMessage {
  items: { id: number; item: WireItem }[];
  done: number[];
  strings: WireStrings;
}

export type WireItem =
  | { origin: string; record: boolean; prepared: WirePrepared }
  | { origin: string; record: boolean; error: WireError };

/** A PreparedResult whose key strings are numbers in the worker's string table. */
interface WirePrepared {
  article: Article;
  claims: Omit<PackedClaims, 'keys'> & { keys: number[] };
}

interface WireStrings {
  /** The table was emptied before these: numbers start again from 0. */
  reset: boolean;
  added: string[];
}

/**
 * The speakers' ids, names and mentions (PackedClaims.keys) come back in article
 * after article, and the main thread holds every result until the store write:
 * each copy that crossed would be one more object for its garbage collector to
 * move while the workers need the cores, and one more string to hash when the
 * store groups claims by speaker. So a worker sends each string once, and its
 * number in a table after that; the main thread keeps one table per worker.
 * Numbered in order of first use, so the main thread's table is a list.
 */
export class StringsOut {
  private readonly numbers = new Map<string, number>();
  private added: string[] = [];
  private reset = false;

  /** `limit`: strings kept at most (article ids are new with each article); a test makes it small. */
  constructor(private readonly limit = 50_000) {}

  number(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(text, n);
      this.added.push(text);
    }
    return n;
  }

  /**
   * The strings to send with the message being sent. A table grown past its limit
   * starts again after it: only between messages, as a message's items use the
   * numbers of the table it was made with.
   */
  take(): WireStrings {
    const out = { reset: this.reset, added: this.added };
    this.added = [];
    this.reset = this.numbers.size >= this.limit;
    if (this.reset) this.numbers.clear();
    return out;
  }
}

/** The main thread's copy of one worker's StringsOut, updated message by message. */
export class StringsIn {
  private table: string[] = [];

  receive({ reset, added }: WireStrings): void {
    if (reset) this.table = [];
    for (const text of added) this.table.push(text);
  }

  text(n: number): string {
    const text = this.table[n];
    if (text === undefined) throw new Error(`string ${n} was never sent by this parse worker`);
    return text;
  }
}

interface WireError {
  message: string;
  stack?: string;
  /** Set for a ClaimsError. */
  claims?: { code: ErrorCode; hint?: string; exitCode: number };
}

export function toWire(item: PreparedItem, strings: StringsOut): WireItem {
  if ('prepared' in item) {
    const { article, claims } = item.prepared;
    return { origin: item.origin, record: item.record, prepared: { article, claims: { ...claims, keys: claims.keys.map((key) => strings.number(key)) } } };
  }
  const { error } = item;
  const err = error instanceof Error ? error : new Error(String(error));
  const wire: WireError = { message: err.message, stack: err.stack };
  if (error instanceof ClaimsError) wire.claims = { code: error.code, hint: error.hint, exitCode: error.exitCode };
  return { origin: item.origin, record: item.record, error: wire };
}

export function fromWire(item: WireItem, strings: StringsIn): PreparedItem {
  if ('prepared' in item) {
    const { article, claims } = item.prepared;
    return { origin: item.origin, record: item.record, prepared: { article, claims: { ...claims, keys: claims.keys.map((n) => strings.text(n)) } } };
  }
  const { message, stack, claims } = item.error;
  const error = claims ? new ClaimsError(message, { code: claims.code, hint: claims.hint, exitCode: claims.exitCode }) : new Error(message);
  if (stack !== undefined) error.stack = stack;
  return { origin: item.origin, record: item.record, error };
}

// ---------------------------------------------------------------------------

interface Job {
  id: number;
  source: string;
  /** Arrived and not yet taken. */
  items: PreparedItem[];
  taken: number;
  done: boolean;
  /** Wakes the consumer waiting for this job's next item. */
  wake: (() => void) | undefined;
  /** The run it was sent in. */
  run: Run | undefined;
}

/** Sources sent to a worker in one message; `left` of them are not finished. */
interface Run {
  left: number;
}

interface PoolWorker {
  thread: Worker;
  /** Sources sent and not finished. */
  jobs: Set<Job>;
  /** Runs sent and not finished. */
  runs: Set<Run>;
}

export class ParsePool {
  private readonly workers = new Set<PoolWorker>();
  /** Submitted, not yet handed to a worker, in order from queueStart. */
  private queue: Job[] = [];
  private queueStart = 0;
  /** Submitted and not yet read to the end. */
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  /** Claims that arrived and were not taken yet. */
  private buffered = 0;
  private closed = false;

  private constructor(size: number, data: WorkerData) {
    const entry = workerEntry();
    if (entry === undefined) throw new Error('the parse worker is not built (run npm run build)');
    for (let i = 0; i < size; i++) this.startWorker(entry, data);
  }

  /** Starts `size` workers with the actor registry and the input settings every job uses. */
  static start(size: number, registry: ActorRegistry, settings: InputSettings): ParsePool {
    setFlagsFromString(INLINING_BUDGET);
    setFlagsFromString(YOUNG_GENERATION);
    return new ParsePool(size, { registry, settings });
  }

  /**
   * Queues a source; returns its items, to be read in the order sources were
   * submitted. Work starts as soon as a worker is free, well before they are read.
   */
  submit(source: string): AsyncIterable<PreparedItem> {
    const job: Job = { id: this.nextId++, source, items: [], taken: 0, done: false, wake: undefined, run: undefined };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.dispatch();
    return this.itemsOf(job);
  }

  /** Stops every worker; sources not finished are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.workers].map((w) => w.thread);
    this.workers.clear();
    await Promise.all(threads.map((t) => t.terminate().catch(() => {})));
  }

  private async *itemsOf(job: Job): AsyncGenerator<PreparedItem> {
    for (;;) {
      if (job.taken < job.items.length) {
        const item = job.items[job.taken]!;
        job.items[job.taken++] = undefined as never;
        if ('prepared' in item) this.buffered -= item.prepared.claims.count;
        this.dispatch();
        yield item;
        continue;
      }
      job.items = [];
      job.taken = 0;
      if (job.done) {
        this.jobs.delete(job.id);
        return;
      }
      await new Promise<void>((resolve) => (job.wake = resolve));
    }
  }

  private startWorker(entry: URL, data: WorkerData): void {
    const thread = new Worker(entry, { workerData: data });
    const worker: PoolWorker = { thread, jobs: new Set(), runs: new Set() };
    this.workers.add(worker);
    const strings = new StringsIn();
    thread.on('message', (message: ItemsMessage) => {
      strings.receive(message.strings);
      for (const { id, item } of message.items) {
        const job = this.jobs.get(id);
        if (job === undefined) continue;
        this.arrive(job, fromWire(item, strings));
      }
      for (const id of message.done) {
        const job = this.jobs.get(id);
        if (job !== undefined) this.finish(worker, job);
      }
      this.dispatch();
    });
    // A worker that dies takes its sources with it: each is reported as failed (the
    // rest go on), and the queue goes to the workers left.
    const lost = (reason: string): void => {
      if (!this.workers.delete(worker)) return;
      for (const job of worker.jobs) {
        const error = new Error(`the parser thread working on ${describeOrigin(job.source)} stopped (${reason})`);
        this.arrive(job, { origin: job.source, record: false, error });
        this.finish(worker, job);
      }
      this.dispatch();
    };
    thread.on('error', (err) => lost(err.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
  }

  private arrive(job: Job, item: PreparedItem): void {
    if ('prepared' in item) this.buffered += item.prepared.claims.count;
    job.items.push(item);
    this.wake(job);
  }

  private finish(worker: PoolWorker | undefined, job: Job): void {
    job.done = true;
    this.wake(job);
    if (worker === undefined || job.run === undefined) return;
    worker.jobs.delete(job);
    if (--job.run.left === 0) worker.runs.delete(job.run);
  }

  private wake(job: Job): void {
    const wake = job.wake;
    job.wake = undefined;
    wake?.();
  }

  /** Hands queued sources, in order and in runs, to the least busy workers while results are not piling up. */
  private dispatch(): void {
    if (this.closed) return;
    while (this.queueStart < this.queue.length) {
      if (this.workers.size === 0) {
        // Every worker is gone: fail what is left rather than wait for ever.
        const job = this.queue[this.queueStart++]!;
        this.arrive(job, { origin: job.source, record: false, error: new Error(`no parser thread left to read ${describeOrigin(job.source)}`) });
        this.finish(undefined, job);
        continue;
      }
      if (this.buffered >= BUFFERED_CLAIMS) return;
      let best: PoolWorker | undefined;
      for (const w of this.workers) if (best === undefined || w.runs.size < best.runs.size) best = w;
      if (best === undefined || best.runs.size >= RUNS_PER_WORKER) return;
      const left = this.queue.length - this.queueStart;
      const size = Math.max(1, Math.min(MAX_RUN, Math.floor(left / (this.workers.size * RUNS_PER_WORKER * 2))));
      const jobs = this.queue.slice(this.queueStart, this.queueStart + size);
      this.queueStart += jobs.length;
      const run: Run = { left: jobs.length };
      for (const job of jobs) {
        job.run = run;
        best.jobs.add(job);
      }
      best.runs.add(run);
      best.thread.postMessage({ sources: jobs.map((job) => ({ id: job.id, source: job.source })) } satisfies JobMessage);
    }
    this.queue = [];
    this.queueStart = 0;
  }
}
