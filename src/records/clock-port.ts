/**
 * Every call the records make into the calendar (src/calendar), in one place: the work calendar
 * of the pack, a case's clock, and the policy clocks (complaint reply, bad-review follow-up,
 * supplement notice). Clock errors become RecordsErrors.
 */
import { addDuration, clock, ClockError, policyClock, supplementNotice, type ClockCase, type ClockState, type DueResult, type PolicyClockName, type WorkCalendar } from '../calendar/index.ts';
import type { Pack } from '../engine/index.ts';
import type { Duration, PolicyFile } from '../pack/index.ts';
import { RecordsError } from './errors.ts';

export type { ClockCase, ClockState, DueResult, WorkCalendar };

/** The pack's work calendar (built once at pack load). */
export function calendarOf(pack: Pack): WorkCalendar {
  return pack.calendar;
}

/** The clock of a running or finished case at `now`. */
export function caseClock(cal: WorkCalendar, policy: PolicyFile, c: ClockCase, now: string): ClockState {
  return guarded(() => clock(cal, policy, c, now));
}

/** `start` + `limit` on the calendar (policy clocks: complaint reply, bad-review callback …). */
export function dueAfter(cal: WorkCalendar, start: string, limit: Duration): DueResult {
  return guarded(() => addDuration(cal, start, limit));
}

/** A policy clock (e.g. a bad review's return call) started at `start`, stopped at `stoppedAt`: due, remaining, yellow/red. */
export function policyClockState(cal: WorkCalendar, policy: PolicyFile, name: PolicyClockName, start: string, now: string, stoppedAt?: string): ClockState {
  return guarded(() => policyClock(cal, policy, name, start, now, stoppedAt ? { completedAt: stoppedAt } : {}));
}

/** When an application without a timely supplement notice counts as accepted (行政许可法 Art. 32). */
export function deemedAcceptance(cal: WorkCalendar, policy: PolicyFile, receivedAt: string, noticeAt: string | null, now: string): string | null {
  return guarded(() => supplementNotice(cal, policy.clocks, receivedAt, noticeAt, now).deemedAcceptedAt);
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    // The clock's paths name its arguments (`extensions[1]`); in the records they are fields of the record.
    if (e instanceof ClockError) throw new RecordsError(e.code, e.detail, e.location.path ? { path: `$.${e.location.path}` } : {});
    throw e;
  }
}
