/**
 * Where recorded applications are replayed: in batches on worker threads across the cores (each
 * loads both packs once from their directories), or in the calling thread — for the first cases
 * (a small register is done before a thread has loaded its packs), while the threads start, and
 * whenever a thread cannot load the packs. Results are collected as they return; the caller
 * orders them.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CaseChange, CaseReplayer, ReplayCase } from './replay.ts';
import { startReplayThread } from './replay-thread.ts';
import type { ReplayAnswer, ReplayBatch, ReplayWorkerData } from './whatif-worker.ts';

export interface ReplayPoolOptions {
  /** The directories the two packs load from; none: every case in the calling thread. */
  readonly dirs?: ReplayWorkerData | undefined;
  /** Threads (default: os.availableParallelism()). */
  readonly threads?: number | undefined;
  /** Cases replayed in the calling thread before threads are started (default 2,000). */
  readonly startAfter?: number | undefined;
  /** Whether the calling thread replays while the threads load their packs (default true; false: it waits for them). */
  readonly replayWhileStarting?: boolean | undefined;
}

/** Cases per message: large enough that posting costs little beside replaying. */
const BATCH = 256;
/** Batches sent to a thread and not answered yet: one running, one waiting. */
const PER_THREAD = 2;

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  /** Settles once the thread is ready or gone. */
  readonly started: Promise<void>;
  readonly settle: () => void;
  readonly pending: Map<number, { readonly cases: readonly ReplayCase[]; readonly done: (changed: readonly CaseChange[]) => void; readonly fail: (err: Error) => void }>;
}

export class ReplayPool {
  private batch: ReplayCase[] = [];
  private readonly changed: CaseChange[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private threads: Thread[] | null = null;
  private seen = 0;
  private nextId = 1;
  /** A failure of a batch, thrown at the next add or at finish. */
  private failure: Error | null = null;
  /** Cases whose answer came from a thread (the rest were replayed in this one). */
  threaded = 0;

  constructor(
    private readonly local: CaseReplayer,
    private readonly options: ReplayPoolOptions,
  ) {}

  /** Queues a case; waits while every thread has its batches (the scan then pauses). */
  async add(c: ReplayCase): Promise<void> {
    this.batch.push(c);
    if (this.batch.length >= BATCH) await this.flush();
  }

  /** Every change found, once all batches have returned (in no particular order). */
  async finish(): Promise<CaseChange[]> {
    try {
      if (this.batch.length > 0) await this.flush();
      while (this.inflight.size > 0) await Promise.all(this.inflight);
      if (this.failure) throw this.failure;
      return this.changed;
    } finally {
      this.stop();
    }
  }

  /** Ends the threads (also after a failure). */
  stop(): void {
    for (const t of this.threads ?? []) void t.worker.terminate();
    this.threads = [];
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const cases = this.batch;
    this.batch = [];
    this.seen += cases.length;
    if (this.threads === null && this.options.dirs && this.seen > (this.options.startAfter ?? 2_000)) this.threads = this.start(this.options.dirs);
    for (;;) {
      const threads = this.threads ?? [];
      const free = threads.filter((t) => t.ready && t.pending.size < PER_THREAD).sort((x, y) => x.pending.size - y.pending.size)[0];
      if (free) return this.track(this.send(free, cases));
      const starting = threads.filter((t) => !t.ready);
      // No thread (yet): this thread replays the batch itself.
      if (threads.length === 0 || (starting.length > 0 && this.options.replayWhileStarting !== false)) return this.keep(await this.local.replay(cases));
      await Promise.race([...this.inflight, ...starting.map((t) => t.started)]);
      if (this.failure) throw this.failure;
    }
  }

  private keep(changed: readonly CaseChange[]): void {
    for (const c of changed) this.changed.push(c);
  }

  private track(p: Promise<readonly CaseChange[]>): void {
    const tracked: Promise<void> = p.then(
      (changed) => this.keep(changed),
      (err: unknown) => {
        this.failure ??= err instanceof Error ? err : new Error(String(err));
      },
    ).finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  private send(t: Thread, cases: readonly ReplayCase[]): Promise<readonly CaseChange[]> {
    const id = this.nextId++;
    return new Promise((done, fail) => {
      t.pending.set(id, { cases, done, fail });
      t.worker.postMessage({ id, cases } satisfies ReplayBatch);
    });
  }

  private start(dirs: ReplayWorkerData): Thread[] {
    const n = Math.max(1, this.options.threads ?? os.availableParallelism());
    const threads: Thread[] = [];
    for (let i = 0; i < n; i++) {
      let worker: Worker;
      try {
        worker = startReplayThread(dirs);
      } catch {
        break;
      }
      let settle = (): void => undefined;
      const started = new Promise<void>((resolve) => (settle = resolve));
      const t: Thread = { worker, ready: false, started, pending: new Map(), settle: () => settle() };
      worker.on('message', (answer: ReplayAnswer) => {
        if ('ready' in answer) {
          t.ready = true;
          t.settle();
        } else if ('unavailable' in answer) this.drop(t);
        else {
          const waiting = t.pending.get(answer.id);
          t.pending.delete(answer.id);
          if ('failed' in answer) waiting?.fail(new Error(`重放线程出错：${answer.failed}`));
          else if (waiting && 'changed' in answer) {
            this.threaded += waiting.cases.length;
            waiting.done(answer.changed);
          }
        }
      });
      worker.on('error', () => this.drop(t));
      worker.on('exit', () => this.drop(t));
      threads.push(t);
    }
    return threads;
  }

  /** A thread that cannot replay (packs not loadable there, or it died): its batches come back here. */
  private drop(t: Thread): void {
    if (!this.threads?.includes(t)) return;
    this.threads = this.threads.filter((x) => x !== t);
    t.settle();
    void t.worker.terminate();
    const waiting = [...t.pending.values()];
    t.pending.clear();
    for (const w of waiting) this.local.replay(w.cases).then(w.done, w.fail);
  }
}
