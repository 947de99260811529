/**
 * The running clock of a case (电子监察): promised and statutory due with suspensions and approved
 * extensions applied, time elapsed and remaining in the limit's unit, and the yellow/red level.
 *
 * - Day units: elapsed = counted days after the acceptance day up to today (today counts once it is
 *   a counted day, i.e. a working day not touched by a suspension); remaining = limit − elapsed.
 *   Overdue: remaining = −(working days since the due day, at least 1).
 * - Hours/minutes: office time run so far, in whole minutes (rounded up), suspended time excluded.
 * - Yellow when remaining ≤ policy `warnings.yellowWhenRemaining` (measured in that unit), red once
 *   the promised (or the statutory) due time has passed. A completed case is evaluated at its
 *   completion: red if it was finished late, else normal.
 * - An extension approved after the statutory period ran out extends nothing (行政许可法 Art. 42):
 *   the case stays red and statutory-overdue, and the extension is named in an `extension-late`
 *   warning.
 * - While suspended, the due time is the one that holds if the case resumes now.
 */
import type { DecisionWarning, Duration } from '../pack/index.ts';
import type { ClockCase, ClockLevel, ClockState, WorkCalendar } from './contract.ts';
import { coverageWarnings, mergeWarnings } from './coverage.ts';
import type { DayIndex } from './day-index.ts';
import { describeInstant } from './describe.ts';
import { checkDuration, isDayUnit, officeUnitMs, dueAt, type Unit } from './due.ts';
import { ClockError } from './errors.ts';
import { approvedExtensions, extendedAmount, splitLate, type TimelyExtensions } from './extension.ts';
import { clockInstant } from './clock-input.ts';
import { MINUTE_MS, formatInstant, shanghaiDay } from './shanghai-time.ts';
import { resolveSpans, type Span } from './suspension.ts';
import { indexOf } from './work-calendar.ts';

/** What the clock needs from policy.yaml (a PolicyFile fits). */
export interface ClockPolicy {
  readonly warnings: { readonly yellowWhenRemaining: Duration; readonly yellowWhenRemainingOfficeTime?: Duration };
}

/**
 * The yellow threshold for a limit: day limits use `yellowWhenRemaining`; a limit in office
 * hours or minutes (即办 30 minutes) would always be "within 2 working days", so it has its own
 * threshold, and none when the pack declares none.
 */
function yellowThreshold(policy: ClockPolicy, unit: Unit): Duration | null {
  // 当日 is measured by the office time left today, like a limit in hours.
  const short = unit === 'hours' || unit === 'minutes' || unit === 'sameDay';
  if (!short) return policy.warnings.yellowWhenRemaining;
  return policy.warnings.yellowWhenRemainingOfficeTime ?? null;
}

/** An instant: ISO 8601 string, epoch milliseconds or a Date. */
export type InstantInput = string | number | Date;

export function toMs(at: InstantInput, where: string): number {
  if (typeof at === 'string') return clockInstant(at, where);
  const ms = typeof at === 'number' ? at : at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new ClockError('E-CLOCK-TIME-INVALID', `时间 '${String(at)}' 无效`, where);
  return ms;
}

/** The clock in numbers (epoch ms), before formatting: what the sweep needs. */
export interface ClockCore {
  readonly start: number;
  /** The instant the clock is evaluated at: now, or the completion if earlier. */
  readonly at: number;
  readonly due: number;
  readonly statutoryDue: number;
  readonly remaining: number;
  readonly total: number;
  readonly unit: Unit;
  readonly level: ClockLevel;
  readonly spans: readonly Span[];
  /** Extensions approved after the statutory period ran out: not counted. */
  readonly late: TimelyExtensions['late'];
}

/** The clock of a case at `now`. Throws ClockError for bad input or a refused extension. */
export function clock(cal: WorkCalendar, policy: ClockPolicy, c: ClockCase, now: InstantInput): ClockState {
  const index = indexOf(cal);
  const nowMs = toMs(now, 'now');
  checkDuration(policy.warnings.yellowWhenRemaining, 'warnings.yellowWhenRemaining');
  if (policy.warnings.yellowWhenRemainingOfficeTime) checkDuration(policy.warnings.yellowWhenRemainingOfficeTime, 'warnings.yellowWhenRemainingOfficeTime');
  const core = clockCore(index, policy, c, nowMs);
  const { start, at, due, statutoryDue, unit } = core;
  const completed = c.completedAt ? clockInstant(c.completedAt, 'completedAt') : null;
  const suspended = completed === null || completed > nowMs ? isSuspended(c, at) : false;
  const lastDay = Math.max(shanghaiDay(due), shanghaiDay(statutoryDue), shanghaiDay(at));
  let warnings: readonly DecisionWarning[] = coverageWarnings(index, shanghaiDay(start), lastDay);
  if (at > statutoryDue) {
    warnings = mergeWarnings(warnings, [{ code: 'statutory-overdue', message: `已超过法定期限（应于 ${describeInstant(statutoryDue)} 前办结）` }]);
  }
  if (core.late.length > 0) warnings = mergeWarnings(warnings, lateExtensions(core.late));
  return {
    due: formatInstant(due),
    statutoryDue: formatInstant(statutoryDue),
    remaining: { amount: core.remaining, unit },
    elapsed: { amount: round2(core.total - core.remaining), unit },
    level: core.level,
    suspended,
    warnings,
  };
}

/** Due times, remaining time and level of a case at `nowMs`, without formatting or warnings. */
export function clockCore(index: DayIndex, policy: ClockPolicy, c: ClockCase, nowMs: number): ClockCore {
  const start = clockInstant(c.acceptedAt, 'acceptedAt');
  checkDuration(c.promised, 'promised');
  checkDuration(c.statutory, 'statutory');
  const completed = c.completedAt ? clockInstant(c.completedAt, 'completedAt') : null;
  // The clock stops at completion, and has not run before acceptance.
  let at = completed !== null && completed < nowMs ? completed : nowMs;
  if (at < start) at = start;

  const spans = resolveSpans(start, c.suspensions, at);
  const { timely: approved, late } = splitLate(index, start, c.statutory, c.extensionMax, approvedExtensions(c.extensions, c.extensionMax, at), spans);
  const total = extendedAmount(c.promised, c.extensionMax, approved, 'promised');
  const statutoryTotal = extendedAmount(c.statutory, c.extensionMax, approved, 'statutory');
  const unit = c.promised.unit;
  const ownDue = dueAt(index, start, total, unit, spans);
  const statutoryDue = dueAt(index, start, statutoryTotal, c.statutory.unit, spans);
  // A promise never outlasts the law: 30 minutes from Friday 17:20 would run to Monday, but a
  // same-day statutory limit ends Friday at the close.
  const due = ownDue > statutoryDue ? statutoryDue : ownDue;

  // Capped, the time left is what the capped due leaves: for office units, the office time from
  // acceptance to it (suspensions counted as everywhere); a day-unit promise cannot outlast a
  // day-unit statutory limit (validate refuses it), so the other branch is only a guard.
  const remaining =
    due === ownDue
      ? remainingAt(index, unit, total, start, at, due, spans)
      : isDayUnit(unit)
        ? (at > due ? -1 : remainingIn(index, unit, at, due))
        : remainingAt(index, unit, runningOffice(index, start, due, spans) / officeUnitMs(unit), start, at, due, spans);
  let level: ClockLevel;
  if (at > due || at > statutoryDue) level = 'red';
  else if (completed !== null && completed <= nowMs) level = 'normal';
  else {
    const threshold = yellowThreshold(policy, unit);
    if (threshold === null) level = 'normal';
    else {
      const left = threshold.unit === unit ? remaining : remainingIn(index, threshold.unit, at, due);
      level = left <= threshold.amount ? 'yellow' : 'normal';
    }
  }
  return { start, at, due, statutoryDue, remaining, total, unit, level, spans, late };
}

/** Time left to `due` at `at`, in the limit's unit (see the file comment). */
export function remainingAt(index: DayIndex, unit: Unit, total: number, start: number, at: number, due: number, spans: readonly Span[]): number {
  if (isDayUnit(unit)) {
    const working = unit !== 'calendarDays';
    const today = shanghaiDay(at);
    if (at > due) {
      const dueDay = shanghaiDay(due);
      const over = working ? index.workingIn(dueDay, today) : today - dueDay;
      return -(over > 1 ? over : 1);
    }
    const counted = countedDays(index, working, shanghaiDay(start), today, spans);
    return total - (counted < total ? counted : total);
  }
  const unitMs = officeUnitMs(unit);
  const totalMinutes = (total * unitMs) / MINUTE_MS;
  const run = runningOffice(index, start, at, spans);
  let leftMinutes = totalMinutes - Math.ceil(run / MINUTE_MS - 1e-9);
  if (at > due && leftMinutes > -1) leftMinutes = -1;
  return unit === 'minutes' ? leftMinutes : round2(leftMinutes / 60);
}

/** Days counted in (a, t]: working (or all) days not touched by a suspension. */
function countedDays(index: DayIndex, working: boolean, a: number, t: number, spans: readonly Span[]): number {
  let total = 0;
  let c = a;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const first = shanghaiDay(span.from);
    if (first > t) break;
    const upto = first - 1 < t ? first - 1 : t;
    if (upto > c) total += working ? index.workingIn(c, upto) : upto - c;
    const last = shanghaiDay(span.to - 1);
    if (last > c) c = last;
    if (c >= t) return total;
  }
  if (t > c) total += working ? index.workingIn(c, t) : t - c;
  return total;
}

/** Office milliseconds the clock ran between `start` and `t`, suspensions excluded. */
function runningOffice(index: DayIndex, start: number, t: number, spans: readonly Span[]): number {
  let total = 0;
  let cur = start;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.from >= t) break;
    if (span.to <= cur) continue;
    if (span.from > cur) total += index.officeAt(span.from) - index.officeAt(cur);
    cur = span.to;
    if (cur >= t) return total;
  }
  if (t > cur) total += index.officeAt(t) - index.officeAt(cur);
  return total;
}

/** Time left to `due` in another unit than the limit's, for the yellow threshold. */
function remainingIn(index: DayIndex, unit: Unit, at: number, due: number): number {
  if (unit === 'workingDays' || unit === 'sameDay') return index.workingIn(shanghaiDay(at), shanghaiDay(due));
  if (unit === 'calendarDays') return shanghaiDay(due) - shanghaiDay(at);
  return Math.floor((index.officeAt(due) - index.officeAt(at)) / officeUnitMs(unit));
}

function isSuspended(c: ClockCase, at: number): boolean {
  for (const [i, s] of (c.suspensions ?? []).entries()) {
    const from = clockInstant(s.from, `suspensions[${i}].from`);
    if (from > at) continue;
    if (s.to == null || s.to === '' || clockInstant(s.to, `suspensions[${i}].to`) > at) return true;
  }
  return false;
}

/** The record of each extension approved after the statutory period had run out. */
function lateExtensions(late: TimelyExtensions['late']): DecisionWarning[] {
  return late.map((e) => ({
    code: 'extension-late',
    message: `延长于 ${describeInstant(e.approvedAt)} 批准，晚于法定期限 ${describeInstant(e.periodEnd)}；延长应在法定期限届满前批准（《中华人民共和国行政许可法》第四十二条），逾期批准的延长不延长期限，已超期的仍属超期`,
  }));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
