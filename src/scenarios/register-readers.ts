/**
 * The years of the case register shared out to worker threads, each reading the years it is
 * given itself (opening the register read only) and replaying them: the reading — parse and
 * validation, most of the work — is then spread across the cores, and no case crosses threads.
 * The largest shard goes first, each to the next free thread. A year no thread could take (a
 * thread that could not load the packs, or that died) is read in the calling thread instead; a
 * register error a thread met is thrown here as the same located error.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { BianminError, type ErrorCode } from '../core/index.ts';
import { RecordsError } from '../records/index.ts';
import type { CaseChange } from './replay.ts';
import type { YearJob, YearProgress, YearResult } from './read-year.ts';
import { startReplayThread } from './replay-thread.ts';
import type { ReplayAnswer, ReplayWorkerData, ThreadError, YearMessage } from './whatif-worker.ts';

export interface YearShare {
  readonly year: number;
  /** Its size (bytes on disk), to give the largest out first; equal when unknown. */
  readonly weight: number;
}

export interface RegisterReadersOptions {
  readonly dirs: ReplayWorkerData;
  readonly threads?: number | undefined;
  /** The job of every year but the year itself. */
  readonly job: Omit<YearJob, 'year'>;
  readonly years: readonly YearShare[];
  /** Reads a year in the calling thread (told its count so far and the changes found, now and then). */
  readonly readHere: (year: number, onProgress: YearProgress) => Promise<YearResult>;
  /** The count of cases replayed so far, all years together (in steps). */
  readonly onProgress?: ((replayed: number) => void) | undefined;
  /** Starts one thread (default `startReplayThread`): a test stops one it started. */
  readonly startThread?: ((dirs: ReplayWorkerData) => Worker) | undefined;
}

interface Reader {
  readonly worker: Worker;
  /** The year it reads, and the message's id. */
  job: { readonly id: number; readonly year: number } | null;
}

/** The errors of a thread, rebuilt: a located one as the same kind of error, with its code, message and location. */
export function fromThread(e: ThreadError): Error {
  if ('text' in e) return new Error(`重放线程出错：${e.text}`);
  const { name, code, detail, location, details } = e.located;
  return name === 'RecordsError' ? new RecordsError(code as ErrorCode, detail, location, details) : new BianminError(code as ErrorCode, detail, location, details);
}

/** The results of every year, in the order the years were given. */
export function readRegisterOnThreads(o: RegisterReadersOptions): Promise<YearResult[]> {
  return new Promise<YearResult[]>((resolve, reject) => {
    const queue = [...o.years].sort((a, b) => b.weight - a.weight || a.year - b.year).map((y) => y.year);
    const here: number[] = [];
    const results = new Map<number, YearResult>();
    const progress = new Map<number, number>();
    // The changes of each year handed over while it is read; dropped with a thread that dies.
    const found = new Map<number, CaseChange[]>();
    const take = (year: number, replayed: number, changed: readonly CaseChange[]): void => {
      progress.set(year, replayed);
      const into = found.get(year);
      if (into) for (const c of changed) into.push(c);
      else found.set(year, [...changed]);
      tell();
    };
    const finish = (year: number, r: YearResult): void => {
      const before = found.get(year) ?? [];
      found.delete(year);
      for (const c of r.changed) before.push(c);
      results.set(year, { ...r, changed: before });
      progress.set(year, r.replayed);
      tell();
    };
    let told = 0;
    let readingHere = false;
    let over = false;
    let nextId = 1;
    let readers: Reader[] = [];

    const tell = (): void => {
      let n = 0;
      for (const v of progress.values()) n += v;
      // A year read again here after its thread died counts from nothing: the count never goes back.
      if (n > told) {
        told = n;
        o.onProgress?.(n);
      }
    };
    const end = (err: Error | null): void => {
      if (over) return;
      over = true;
      for (const r of readers) void r.worker.terminate();
      readers = [];
      if (err) reject(err);
      else resolve(o.years.map((y) => results.get(y.year)!));
    };
    const check = (): void => {
      if (!over && results.size === o.years.length) end(null);
    };
    const readOneHere = (): void => {
      if (readingHere || over) return;
      const year = here.shift();
      if (year === undefined) return;
      readingHere = true;
      found.delete(year);
      o.readHere(year, (n, changed) => take(year, n, changed)).then(
        (r) => {
          readingHere = false;
          finish(year, r);
          check();
          readOneHere();
        },
        (err: unknown) => end(err instanceof Error ? err : new Error(String(err))),
      );
    };
    const give = (r: Reader): void => {
      const year = queue.shift();
      if (year === undefined) {
        r.job = null;
        return;
      }
      r.job = { id: nextId++, year };
      r.worker.postMessage({ id: r.job.id, year: { ...o.job, year } } satisfies YearMessage);
    };
    const drop = (r: Reader): void => {
      if (over || !readers.includes(r)) return;
      readers = readers.filter((x) => x !== r);
      void r.worker.terminate();
      if (r.job) {
        progress.set(r.job.year, 0);
        found.delete(r.job.year);
        here.push(r.job.year);
      }
      r.job = null;
      // No thread left: every year not given out is read here.
      if (readers.length === 0) here.push(...queue.splice(0));
      readOneHere();
    };

    const n = Math.max(1, o.threads ?? os.availableParallelism());
    for (let i = 0; i < n; i++) {
      let worker: Worker;
      try {
        worker = (o.startThread ?? startReplayThread)(o.dirs);
      } catch {
        break;
      }
      const r: Reader = { worker, job: null };
      worker.on('message', (a: ReplayAnswer) => {
        if (over) return;
        if ('ready' in a) give(r);
        else if ('unavailable' in a) drop(r);
        else if (r.job && a.id === r.job.id) {
          const year = r.job.year;
          if ('progress' in a) take(year, a.progress, a.changed);
          else if ('result' in a) {
            finish(year, a.result);
            give(r);
            check();
          } else if ('error' in a) end(fromThread(a.error));
        }
      });
      worker.on('error', () => drop(r));
      worker.on('exit', () => drop(r));
      readers.push(r);
    }
    if (readers.length === 0) {
      here.push(...queue.splice(0));
      readOneHere();
    }
  });
}
