/**
 * A replay thread of `bianmin diff --data`: loads both packs once from their directories, then
 * replays the batches of recorded applications it is sent and answers with what changed — or,
 * sent a year of the register, reads that year itself and replays it (so that reading, the
 * larger part of the work, is spread across the cores too; see register-readers.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BianminError } from '../core/index.ts';
import { loadPack } from '../documents/index.ts';
import { openRecords, type Records } from '../records/index.ts';
import { CaseReplayer, type CaseChange, type ReplayCase } from './replay.ts';
import { readYear, type YearJob, type YearResult } from './read-year.ts';

export interface ReplayWorkerData {
  readonly base: string;
  readonly current: string;
}

export interface ReplayBatch {
  readonly id: number;
  readonly cases: readonly ReplayCase[];
}

/** A year of the register to read and replay here. */
export interface YearMessage {
  readonly id: number;
  readonly year: YearJob;
}

/** An error as it crosses threads: a located BianminError keeps its code, message and location. */
export type ThreadError =
  | { readonly located: { readonly name: string; readonly code: string; readonly detail: string; readonly location: BianminError['location']; readonly details: BianminError['details'] } }
  | { readonly text: string };

export type ReplayAnswer =
  | { readonly ready: true }
  /** The packs did not load here: the caller replays in its own thread. */
  | { readonly unavailable: string }
  | { readonly id: number; readonly changed: readonly CaseChange[] }
  | { readonly id: number; readonly failed: string }
  /** Cases of the year replayed so far, and the changes found since the last such message (posted now and then while reading it). */
  | { readonly id: number; readonly progress: number; readonly changed: readonly CaseChange[] }
  | { readonly id: number; readonly result: YearResult }
  | { readonly id: number; readonly error: ThreadError };

function threadError(err: unknown): ThreadError {
  if (err instanceof BianminError) return { located: { name: err.name, code: err.code, detail: err.detail, location: err.location, details: err.details } };
  return { text: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

const port = parentPort;
if (port) {
  const dirs = workerData as ReplayWorkerData;
  const packs = Promise.all([loadPack(dirs.base), loadPack(dirs.current)]);
  const replayer = packs.then(([base, current]) => new CaseReplayer(base, current));
  // The register, opened once per data directory (read only, nothing loaded until scanned).
  const opened = new Map<string, Promise<Records>>();
  const post = (answer: ReplayAnswer): void => port.postMessage(answer);
  replayer.then(
    () => post({ ready: true }),
    (err: unknown) => post({ unavailable: err instanceof Error ? err.message : String(err) }),
  );
  port.on('message', (m: ReplayBatch | YearMessage) => {
    if ('year' in m) {
      const job = m.year;
      void Promise.all([replayer, packs])
        .then(([r, [, current]]) => {
          let records = opened.get(job.dir);
          if (!records) opened.set(job.dir, (records = openRecords(job.dir, current, { readonly: true, lazy: () => true })));
          return records.then((rs) => readYear(rs, job, r, (n, changed) => post({ id: m.id, progress: n, changed })));
        })
        .then(
          (result) => post({ id: m.id, result }),
          (err: unknown) => post({ id: m.id, error: threadError(err) }),
        );
      return;
    }
    void replayer
      .then((r) => r.replay(m.cases))
      .then(
        (changed) => post({ id: m.id, changed }),
        (err: unknown) => post({ id: m.id, failed: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
}
