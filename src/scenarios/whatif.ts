/**
 * Replays every scenario — and, with a data directory, every application recorded in the case
 * register over the last N days and the register's sanctions — on a base pack and on the current
 * pack, and keeps what changed.
 */
import { formatInstant } from '../calendar/index.ts';
import type { Pack } from '../engine/index.ts';
import type { Application, CaseRecord } from '../pack/index.ts';
import { openRecords, type Records } from '../records/index.ts';
import { compareOutcomes, type Comparison } from './diff.ts';
import type { ScenarioSuite } from './model.ts';
import { PackRefs } from './refs.ts';
import { ScenarioRunner, type Outcome, type RunInput } from './run.ts';
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
  readonly changed: readonly Changed[];
}

export interface WhatIfOptions {
  readonly base: Pack;
  readonly current: Pack;
  readonly suite: ScenarioSuite;
  /** Recorded applications received in the `days` days up to `now`, from the records in `dir`. */
  readonly data?: { readonly dir: string; readonly days: number; readonly now: string };
}

export async function whatIf(o: WhatIfOptions): Promise<WhatIfReport> {
  const a = new ScenarioRunner(o.base);
  const b = new ScenarioRunner(o.current);
  const refs = new PackRefs(o.current);
  const changed: Changed[] = [];
  const compare = (subject: Subject, x: Outcome, y: Outcome): void => {
    const c = compareOutcomes(o.base, o.current, x, y, (id) => refs.staffName(id));
    if (c.changes.length > 0) changed.push({ subject, ...c });
  };
  let cases: WhatIfReport['cases'] = null;
  try {
    for (const s of o.suite.scenarios) {
      compare({ kind: 'scenario', file: s.file, line: s.line, column: s.column, name: s.name }, await a.run(s), await b.run(s));
    }
    if (o.data) cases = await replayRegister(o, a, b, compare);
  } finally {
    await a.close();
    await b.close();
  }
  return { scenarios: o.suite.scenarios.length, cases, changed };
}

async function replayRegister(o: WhatIfOptions, a: ScenarioRunner, b: ScenarioRunner, compare: (s: Subject, x: Outcome, y: Outcome) => void): Promise<WhatIfReport['cases']> {
  const { dir, days, now } = o.data!;
  const to = epoch(now);
  const from = to - days * 86_400_000;
  let ra: Records | null = null;
  let rb: Records | null = null;
  try {
    ra = await openRecords(dir, o.base, { readonly: true });
    rb = await openRecords(dir, o.current, { readonly: true });
    let replayed = 0;
    let withoutApplication = 0;
    const recent = [...rb.cases.all()].filter((r) => {
      const t = epoch(r.receivedAt);
      return t >= from && t <= to;
    });
    recent.sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const r of recent) {
      const input = inputOf(r);
      if (!input) {
        withoutApplication++;
        continue;
      }
      replayed++;
      compare({ kind: 'case', id: r.id, item: r.item, itemName: r.itemName, receivedAt: r.receivedAt }, await a.run(input), await b.run(input));
    }
    const [sa, sb] = [await ra.sanctions({ now: to }), await rb.sanctions({ now: to })];
    const blank: Omit<Outcome, 'sanctions'> = { decision: null, deadline: null, clock: null, metrics: null, problem: null };
    compare({ kind: 'register', asOf: now }, { ...blank, sanctions: sa }, { ...blank, sanctions: sb });
    return { replayed, withoutApplication, from: formatInstant(from), to: now };
  } finally {
    await ra?.close();
    await rb?.close();
  }
}

/** A recorded case as a run: its application as received, its deadline from its acceptance. */
function inputOf(r: CaseRecord): RunInput | null {
  if (!r.application) return null;
  const application: Application = { ...r.application, receivedAt: r.application.receivedAt ?? r.receivedAt };
  const accepted = r.events.find((e) => e.type === 'accepted')?.at ?? null;
  return {
    application,
    acceptedAt: accepted !== null && epoch(accepted) !== epoch(r.receivedAt) ? accepted : null,
    now: null,
    history: null,
    expect: {},
  };
}
