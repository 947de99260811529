/**
 * Step clocks (环节时限, issue 16): each procedure step with a limit runs from the completion of the
 * steps before it (the latest recorded one; acceptance when none is) for its limit, on the item
 * clock itself — the same calendar, the same suspensions (time suspended does not count), the same
 * yellow/red thresholds of the policy — with the step limit as both its promised and statutory
 * limit. Steps without a limit are not timed; their completion may still be recorded and starts the
 * next step. The current step is the first timed step not completed.
 */
import type { CaseRecord, ItemFile, PolicyFile } from '../pack/index.ts';
import { caseClock, type ClockCase, type ClockState, type WorkCalendar } from './clock-port.ts';
import { epochOf } from './time.ts';

export type ProcedureStep = NonNullable<ItemFile['procedure']>[number];

/** One timed step of a case. */
export interface StepClock {
  readonly id: string;
  readonly name: string;
  readonly limit: { readonly amount: number; readonly unit: string };
  readonly startedAt: string;
  readonly due: string;
  readonly completedAt: string | null;
  /** At `now` (or at completion, for a completed step): red when late. */
  readonly level: ClockState['level'];
  readonly remaining: { readonly amount: number; readonly unit: string };
  readonly suspended: boolean;
}

/** The step supervision of a case (CaseView.step). */
export interface CaseSteps {
  /** The first timed step not completed, with its clock; null when every timed step is completed. */
  readonly current: StepClock | null;
  /** The timed steps begun so far, in procedure order: those completed, and the current one. */
  readonly timed: readonly StepClock[];
  /** Step completions recorded, in the order recorded. */
  readonly completed: ReadonlyArray<{ readonly id: string; readonly name: string; readonly at: string }>;
}

/** Step id → time of its step-completed event (the first one; a second is refused when recorded), as of `now`. */
export function stepCompletions(r: CaseRecord, now?: string): Map<string, string> {
  const until = now === undefined ? Infinity : epochOf(now);
  const done = new Map<string, string>();
  for (const e of r.events) if (e.type === 'step-completed' && e.step !== undefined && !done.has(e.step) && epochOf(e.at) <= until) done.set(e.step, e.at);
  return done;
}

/**
 * The step clocks of a case whose item clock is `c` (acceptance, suspensions, end), at `now`; null
 * when the procedure has no timed step. A case concluded with a step open stops that step's clock
 * at the conclusion.
 */
export function caseSteps(cal: WorkCalendar, policy: PolicyFile, procedure: readonly ProcedureStep[], r: CaseRecord, c: ClockCase, now: string): CaseSteps | null {
  if (!procedure.some((s) => s.limit && s.id !== undefined)) return null;
  const done = stepCompletions(r, now);
  const names = new Map(procedure.flatMap((s) => (s.id !== undefined ? [[s.id, s.step] as const] : [])));
  const timed: StepClock[] = [];
  let current: StepClock | null = null;
  let start = c.acceptedAt;
  for (const s of procedure) {
    const at = s.id !== undefined ? done.get(s.id) : undefined;
    // Steps after the current one have not begun (unless completed out of order): no clock yet.
    if (s.limit && s.id !== undefined && (at !== undefined || current === null)) {
      const stop = at ?? c.completedAt;
      const state = caseClock(cal, policy, { acceptedAt: start, promised: s.limit, statutory: s.limit, suspensions: c.suspensions ?? [], ...(stop ? { completedAt: stop } : {}) }, now);
      const step: StepClock = {
        id: s.id,
        name: s.step,
        limit: { amount: s.limit.amount, unit: s.limit.unit },
        startedAt: start,
        due: state.due,
        completedAt: at ?? null,
        level: state.level,
        remaining: state.remaining,
        suspended: state.suspended,
      };
      timed.push(step);
      if (at === undefined) current = step;
    }
    // Steps may be completed out of order: the next one starts when the latest before it was done.
    if (at !== undefined && epochOf(at) > epochOf(start)) start = at;
  }
  return {
    current,
    timed,
    completed: [...done].map(([id, at]) => ({ id, name: names.get(id) ?? id, at })),
  };
}
