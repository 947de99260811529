/**
 * One year of the case register read and replayed: what a worker thread does with the year it is
 * given, and what the calling thread does with a year no thread could take. The same test as the
 * sequential replay (received in the window), the same records kept for the sanctions.
 */
import type { CaseRecord } from '../pack/index.ts';
import { mayCountCase, type Records } from '../records/index.ts';
import { CaseListing } from './case-listing.ts';
import { ChangeTally, type Tally } from './change-tally.ts';
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
  /** Changed cases listed (the first by id; Infinity: all, handed over as they are found); the rest are only counted. */
  readonly list: number;
}

export interface YearResult {
  /** The changes listed and not yet handed to the progress callback (all of them without one). */
  readonly changed: CaseChange[];
  /** Every change of the year counted, listed or not. */
  readonly tally: Tally;
  readonly replayed: number;
  readonly withoutApplication: number;
  /** In scan order. */
  readonly counted: CaseRecord[];
}

/** Cases replayed at a time. */
const BATCH = 256;
/** Progress is told after about this many cases. */
const PROGRESS_EVERY = 2_048;

/** What a scan of the register found besides the cases to replay: counts, and the records the sanctions count. */
export interface ScanTally {
  replayed: number;
  withoutApplication: number;
  readonly counted: CaseRecord[];
}

/**
 * The recorded applications of `scan` to replay (received in [from, to]), counting them and those
 * without an application, and keeping the records the sanctions count: one test for every reader.
 */
export async function* casesToReplay(scan: AsyncIterable<CaseRecord>, job: Pick<YearJob, 'from' | 'to' | 'window'>, tally: ScanTally): AsyncGenerator<ReplayCase> {
  for await (const r of scan) {
    if (mayCountCase(r, job.window)) tally.counted.push(r);
    const t = epoch(r.receivedAt);
    if (t < job.from || t > job.to) continue;
    const c = replayCaseOf(r);
    if (!c) {
      tally.withoutApplication++;
      continue;
    }
    tally.replayed++;
    yield c;
  }
}

/**
 * Told now and then while a year is read: the count replayed so far, and — when every change is
 * listed — the changes found since the last call, handed over (a thread posts them as it goes, so
 * that they cross to the calling thread while it still reads, not all at once at the end). The
 * result holds the rest. With a limit the year's first changes by id are known only at its end.
 */
export type YearProgress = (replayed: number, changed: CaseChange[]) => void;

export async function readYear(records: Records, job: YearJob, replayer: CaseReplayer, onProgress?: YearProgress): Promise<YearResult> {
  const listed = new CaseListing(job.list);
  const counts = new ChangeTally();
  const tally: ScanTally = { replayed: 0, withoutApplication: 0, counted: [] };
  let told = 0;
  let batch: ReplayCase[] = [];
  const tell = (): void => {
    told = tally.replayed;
    onProgress?.(tally.replayed, job.list === Infinity ? listed.take() : []);
  };
  const flush = async (): Promise<void> => {
    for (const c of await replayer.replay(batch)) {
      counts.add(c);
      listed.add(c);
    }
    batch = [];
    if (onProgress && tally.replayed - told >= PROGRESS_EVERY) tell();
  };
  for await (const c of casesToReplay(records.cases.scan({ fromYear: job.year, toYear: job.year }), job, tally)) {
    batch.push(c);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  if (onProgress && told !== tally.replayed) tell();
  return { changed: listed.take(), tally: counts.tally, ...tally };
}
