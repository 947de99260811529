/**
 * Replays every scenario — and, with a data directory, every application recorded in the case
 * register over the last N days and the register's sanctions — on a base pack and on the current
 * pack, and keeps what changed. The register is opened once and read with a cursor (a closed
 * year streamed from storage, never loaded); the applications are replayed on worker threads
 * across the cores as they are read — with several years, each thread reads its own years too —
 * and the report is the same as replaying them one by one.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatInstant } from '../calendar/index.ts';
import type { Pack } from '../engine/index.ts';
import type { CaseRecord } from '../pack/index.ts';
import { openRecords, sanctionsWindow, type Records } from '../records/index.ts';
import { byCaseId, CaseListing } from './case-listing.ts';
import { ChangeTally, type Tally } from './change-tally.ts';
import { compareOutcomes, type Comparison } from './diff.ts';
import type { ScenarioSuite } from './model.ts';
import { PackRefs } from './refs.ts';
import { casesToReplay, readYear, type ScanTally } from './read-year.ts';
import { readRegisterOnThreads, type YearShare } from './register-readers.ts';
import { CaseReplayer } from './replay.ts';
import { ReplayPool } from './replay-pool.ts';
import { ScenarioRunner, type Outcome } from './run.ts';
import { epoch } from './time.ts';

export type Subject =
  | { readonly kind: 'scenario'; readonly file: string; readonly line: number; readonly column: number; readonly name: string }
  | { readonly kind: 'case'; readonly id: string; readonly item: string; readonly itemName: string; readonly receivedAt: string }
  | { readonly kind: 'register'; readonly asOf: string };

export interface Changed extends Comparison {
  readonly subject: Subject;
}

export interface WhatIfReport {
  readonly scenarios: number;
  /** Recorded cases replayed, and those left out because the register did not keep the application. */
  readonly cases: { readonly replayed: number; readonly withoutApplication: number; readonly from: string; readonly to: string } | null;
  /** Every changed subject counted, listed or not. */
  readonly tally: Tally;
  /** Changed cases counted but not listed in `changed` (beyond `data.list`). */
  readonly unlisted: number;
  /** The changed scenarios, then the changed cases listed (by case id), then the register's sanctions if they changed. */
  readonly changed: readonly Changed[];
}

export interface WhatIfOptions {
  readonly base: Pack;
  readonly current: Pack;
  readonly suite: ScenarioSuite;
  /** Recorded applications received in the `days` days up to `now`, from the records in `dir`. */
  readonly data?: {
    readonly dir: string;
    readonly days: number;
    readonly now: string;
    /**
     * The directories `base` and `current` were loaded from (as they are, by `loadPack`): the
     * applications are then replayed on worker threads, each loading both packs once. Without
     * them (a pack built in memory, a draft), in this thread.
     */
    readonly packDirs?: { readonly base: string; readonly current: string };
    /**
     * Changed cases listed one by one in `changed`: the first this many by case id (default all).
     * Every change is counted in `tally` either way; listing fewer keeps a replay that changes
     * most of a large register from holding and sending all of them.
     */
    readonly list?: number;
    /** Worker threads (default: os.availableParallelism()). */
    readonly threads?: number;
    /** Cases replayed in this thread before threads start (default 2,000: fewer are done before a thread has loaded its packs). */
    readonly startAfter?: number;
    /** Whether this thread replays while the threads load their packs (default true). */
    readonly replayWhileStarting?: boolean;
    /** Called with the count of recorded applications replayed so far: after each one, or in steps when threads read their own years. */
    readonly onProgress?: (replayed: number) => void;
  };
}

export async function whatIf(o: WhatIfOptions): Promise<WhatIfReport> {
  const a = new ScenarioRunner(o.base);
  const b = new ScenarioRunner(o.current);
  const refs = new PackRefs(o.current);
  const changed: Changed[] = [];
  const tally = new ChangeTally();
  const compare = (subject: Subject, x: Outcome, y: Outcome): void => {
    const c = compareOutcomes(o.base, o.current, x, y, (id) => refs.staffName(id));
    if (c.changes.length === 0) return;
    const found = { subject, ...c };
    changed.push(found);
    tally.add(found);
  };
  let cases: WhatIfReport['cases'] = null;
  let unlisted = 0;
  const local = o.data ? new CaseReplayer(o.base, o.current) : null;
  try {
    for (const s of o.suite.scenarios) {
      compare({ kind: 'scenario', file: s.file, line: s.line, column: s.column, name: s.name }, await a.run(s), await b.run(s));
    }
    if (o.data) ({ cases, unlisted } = await replayRegister(o, local!, changed, tally, compare));
  } finally {
    await a.close();
    await b.close();
    await local?.close();
  }
  return { scenarios: o.suite.scenarios.length, cases, tally: tally.tally, unlisted, changed };
}

/**
 * The register streamed once: each application received in the window replayed on both packs
 * (on worker threads when the packs' directories are known), its changes counted and the first
 * listed in case-id order after the scenarios', then the sanctions of the whole register under each pack.
 */
async function replayRegister(
  o: WhatIfOptions,
  local: CaseReplayer,
  changed: Changed[],
  tally: ChangeTally,
  compare: (s: Subject, x: Outcome, y: Outcome) => void,
): Promise<{ cases: WhatIfReport['cases']; unlisted: number }> {
  const { dir, days, now } = o.data!;
  const to = epoch(now);
  const from = to - days * 86_400_000;
  // Opened once, bound to each pack in turn for the sanctions (the replay itself needs no records).
  // Nothing is loaded up front, the current year neither: every year is scanned from its files,
  // here or by the thread that reads it.
  const records = await openRecords(dir, o.current, { readonly: true, lazy: () => true });
  const pool = new ReplayPool(local, { dirs: o.data!.packDirs, threads: o.data!.threads, startAfter: o.data!.startAfter, replayWhileStarting: o.data!.replayWhileStarting });
  try {
    let replayed = 0;
    let withoutApplication = 0;
    // The sanctions count every case of the register that can still be overdue in their window
    // (an open case of any year): the scan keeps those, and only those, for them.
    const windowFrom = Math.min(sanctionsWindow(o.base, to).from, sanctionsWindow(o.current, to).from);
    const window = { from: windowFrom, to: to + 1, label: '' };
    const counted: CaseRecord[] = [];
    const list = o.data!.list ?? Infinity;
    // Each year (or batch) lists its first changed cases; the first of them all are kept.
    const listing = new CaseListing(list);
    let changedCases = 0;
    const years = records.cases.years();
    const threads = Math.max(1, o.data!.threads ?? os.availableParallelism());
    if (o.data!.packDirs && threads > 1 && years.length > 1) {
      // Each thread reads its own years: reading costs more than replaying, and no case crosses threads.
      const job = { dir, from, to, window, list };
      const results = await readRegisterOnThreads({
        dirs: o.data!.packDirs,
        threads,
        job,
        years: await yearShares(records, years),
        readHere: (year, onProgress) => readYear(records, { ...job, year }, local, onProgress),
        onProgress: o.data!.onProgress,
      });
      for (const r of results) {
        replayed += r.replayed;
        withoutApplication += r.withoutApplication;
        for (const c of r.counted) counted.push(c);
        for (const c of r.changed) listing.add(c);
        tally.merge(r.tally);
        changedCases += r.tally.subjects;
      }
    } else {
      const scanned: ScanTally = { replayed: 0, withoutApplication: 0, counted };
      for await (const c of casesToReplay(records.cases.scan(), { from, to, window }, scanned)) {
        await pool.add(c);
        o.data!.onProgress?.(scanned.replayed);
      }
      ({ replayed, withoutApplication } = scanned);
      for (const c of await pool.finish()) {
        tally.add(c);
        listing.add(c);
        changedCases++;
      }
    }
    // In case-id order, whichever thread replayed what.
    const found = listing.take().sort(byCaseId);
    for (const c of found) changed.push(c);
    records.rebind(o.base);
    const sa = await records.sanctions({ now: to, cases: counted });
    records.rebind(o.current);
    const sb = await records.sanctions({ now: to, cases: counted });
    const blank: Omit<Outcome, 'sanctions'> = { decision: null, deadline: null, clock: null, metrics: null, problem: null };
    compare({ kind: 'register', asOf: now }, { ...blank, sanctions: sa }, { ...blank, sanctions: sb });
    return { cases: { replayed, withoutApplication, from: formatInstant(from), to: now }, unlisted: changedCases - found.length };
  } finally {
    pool.stop();
    await records.close();
  }
}

/** Each year's shard size on disk (snapshot and log), to share the years out evenly; a database: all alike. */
async function yearShares(records: Records, years: readonly number[]): Promise<YearShare[]> {
  if (records.kind === 'postgres') return years.map((year) => ({ year, weight: 1 }));
  const size = async (file: string): Promise<number> => (await stat(path.join(records.dir, file)).catch(() => null))?.size ?? 0;
  return Promise.all(years.map(async (year) => ({ year, weight: (await size(`cases-${year}.json`)) + (await size(`cases-${year}.log`)) })));
}
