/**
 * The 电子监察 sweep: every open case's clock at one instant, counted by level, with the indices
 * of the yellow and red ones (call `clock` on those for the full state). A case with bad data is
 * reported, not fatal to the sweep. Works on numbers only, so a million cases take seconds.
 */
import type { ClockCase, WorkCalendar } from './contract.ts';
import { clockCore, toMs, type ClockPolicy, type InstantInput } from './clock.ts';
import { checkDuration } from './due.ts';
import { ClockError } from './errors.ts';
import { indexOf } from './work-calendar.ts';

export interface SweepResult {
  readonly normal: number;
  readonly yellow: number;
  readonly red: number;
  /** Indices (in input order) of the yellow cases and of the red ones. */
  readonly yellowCases: readonly number[];
  readonly redCases: readonly number[];
  /** Cases whose data the clock refused (bad time, extension beyond the maximum …). */
  readonly errors: ReadonlyArray<{ readonly index: number; readonly error: ClockError }>;
}

export function sweepClocks(cal: WorkCalendar, policy: ClockPolicy, cases: Iterable<ClockCase>, now: InstantInput): SweepResult {
  const index = indexOf(cal);
  const at = toMs(now, 'now');
  checkDuration(policy.warnings.yellowWhenRemaining, 'warnings.yellowWhenRemaining');
  if (policy.warnings.yellowWhenRemainingOfficeTime) checkDuration(policy.warnings.yellowWhenRemainingOfficeTime, 'warnings.yellowWhenRemainingOfficeTime');
  let normal = 0;
  const yellowCases: number[] = [];
  const redCases: number[] = [];
  const errors: Array<{ index: number; error: ClockError }> = [];
  let i = 0;
  for (const c of cases) {
    try {
      const level = clockCore(index, policy, c, at).level;
      if (level === 'normal') normal++;
      else if (level === 'yellow') yellowCases.push(i);
      else redCases.push(i);
    } catch (err) {
      if (!(err instanceof ClockError)) throw err;
      errors.push({ index: i, error: err });
    }
    i++;
  }
  return { normal, yellow: yellowCases.length, red: redCases.length, yellowCases, redCases, errors };
}
