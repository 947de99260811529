/**
 * The overdue sweep (电子监察): every open case's clock at one instant; the yellow and red ones
 * listed with the person responsible (the post's A holder, or B when covering).
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord } from '../pack/index.ts';
import { TERMINAL, type CaseView } from './cases.ts';
import { staffName, windowName } from './center-refs.ts';
import { RecordsError } from './errors.ts';
import { stepOverdue, type StepOverdueEntry } from './step-sweep.ts';
import { byUrgency } from './urgency.ts';
import { toIso } from './time.ts';
import { postChecks, type PostCheckEntry } from './post-check.ts';
import { specialStepOverdue, type SpecialStepOverdueEntry } from './special-step.ts';

export interface SweepEntry {
  readonly case: string;
  readonly item: string;
  readonly itemName: string;
  readonly window: string;
  readonly level: 'yellow' | 'red';
  readonly due: string;
  readonly statutoryDue: string;
  readonly remaining: { readonly amount: number; readonly unit: string };
  readonly suspended: boolean;
  /** Accepted only because no supplement notice was given in time. */
  readonly deemedAccepted: boolean;
  readonly responsible: { readonly staff: string; readonly name: string; readonly role: 'A' | 'B' | 'handler' };
}

export interface SweepReport {
  readonly asOf: string;
  readonly open: number;
  readonly normal: number;
  readonly yellow: number;
  readonly red: number;
  /** Red first, then yellow; each by due time. */
  readonly flagged: readonly SweepEntry[];
  /** Cases whose clock could not be computed, with the reason. */
  readonly errors: ReadonlyArray<{ readonly case: string; readonly message: string }>;
  /** Steps near or past their step due (环节超时, step-sweep.ts), red first; cases of normal level included. */
  readonly steps: readonly StepOverdueEntry[];
  /** 告知承诺 post-checks (核查) near or past due, red first (post-check.ts). */
  readonly postChecks: readonly PostCheckEntry[];
  /** Special steps (特殊环节) near or past their own due while the item clock is suspended for them, red first (special-step.ts). */
  readonly specialSteps: readonly SpecialStepOverdueEntry[];
}

export function sweep(pack: Pack, cases: Iterable<CaseRecord>, viewCase: (r: CaseRecord) => CaseView, now: number): SweepReport {
  let open = 0;
  let normal = 0;
  const flagged: SweepEntry[] = [];
  const steps: StepOverdueEntry[] = [];
  const specialSteps: SpecialStepOverdueEntry[] = [];
  const errors: Array<{ case: string; message: string }> = [];
  // Read twice: the post-check watches concluded cases too (a subsidy paid, its commitment unchecked).
  const all = [...cases];
  for (const r of all) {
    if (r.decision.kind === 'consultation' || r.events.some((e) => TERMINAL.has(e.type))) continue;
    let v: CaseView;
    try {
      v = viewCase(r);
    } catch (e) {
      if (!(e instanceof RecordsError)) throw e;
      errors.push({ case: r.id, message: e.message });
      continue;
    }
    if (!v.clock) continue; // waiting for the applicant's supplement: no clock yet
    open++;
    const step = stepOverdue(pack, r, v);
    if (step) steps.push(step);
    try {
      const special = specialStepOverdue(pack, r, v);
      if (special) specialSteps.push(special);
    } catch (e) {
      if (!(e instanceof RecordsError)) throw e;
      errors.push({ case: r.id, message: e.message });
    }
    if (v.clock.level === 'normal') {
      normal++;
      continue;
    }
    flagged.push({
      case: r.id,
      item: r.item,
      itemName: r.itemName,
      window: windowName(pack, r.window),
      level: v.clock.level,
      due: v.clock.due,
      statutoryDue: v.clock.statutoryDue,
      remaining: v.clock.remaining,
      suspended: v.clock.suspended,
      deemedAccepted: v.deemedAccepted,
      responsible: { staff: v.responsible.staff, name: staffName(pack, v.responsible.staff), role: v.responsible.role },
    });
  }
  byUrgency(flagged);
  const red = flagged.filter((f) => f.level === 'red').length;
  return { asOf: toIso(now), open, normal, yellow: flagged.length - red, red, flagged, errors, steps: byUrgency(steps), postChecks: postChecks(pack, pack.calendar, all, now), specialSteps: byUrgency(specialSteps) };
}
