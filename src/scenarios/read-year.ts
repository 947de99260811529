/**
 * One year of the case register read and replayed: what a worker thread does with the year it is
 * given, and what the calling thread does with a year no thread could take. The same test as the
 * sequential replay (received in the window), the same records kept for the sanctions.
 */
import type { CaseRecord } from '../pack/index.ts';
import { mayCountCase, type Records } from '../records/index.ts';
import { replayCaseOf, type CaseChange, type CaseReplayer, type ReplayCase } from './replay.ts';
import { epoch } from './time.ts';

export interface YearJob {
  /** The data directory or database URL. */
  readonly dir: string;
  readonly year: number;
  /** Received in [from, to] (epoch ms): replayed. */
  readonly from: number;
  readonly to: number;
  /** The sanctions' counting window: the records `mayCountCase` keeps in it come back. */
  readonly window: Parameters<typeof mayCountCase>[1];
}

export interface YearResult {
  readonly changed: CaseChange[];
  readonly replayed: number;
  readonly withoutApplication: number;
  /** In scan order. */
  readonly counted: CaseRecord[];
}

/** Cases replayed at a time. */
const BATCH = 256;
/** Progress is told after about this many cases. */
const PROGRESS_EVERY = 2_048;

export async function readYear(records: Records, job: YearJob, replayer: CaseReplayer, onProgress?: (replayed: number) => void): Promise<YearResult> {
  const changed: CaseChange[] = [];
  const counted: CaseRecord[] = [];
  let replayed = 0;
  let withoutApplication = 0;
  let told = 0;
  let batch: ReplayCase[] = [];
  const flush = async (): Promise<void> => {
    for (const c of await replayer.replay(batch)) changed.push(c);
    batch = [];
    if (replayed - told >= PROGRESS_EVERY) {
      told = replayed;
      onProgress?.(replayed);
    }
  };
  for await (const r of records.cases.scan({ fromYear: job.year, toYear: job.year })) {
    if (mayCountCase(r, job.window)) counted.push(r);
    const t = epoch(r.receivedAt);
    if (t < job.from || t > job.to) continue;
    const c = replayCaseOf(r);
    if (!c) {
      withoutApplication++;
      continue;
    }
    replayed++;
    batch.push(c);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  if (told !== replayed) onProgress?.(replayed);
  return { changed, replayed, withoutApplication, counted };
}
