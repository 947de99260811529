/**
 * Adding a limit to a start time: the counting convention of README「期限计算口径」, in one place.
 *
 * - Day units: the start day is not counted (期间开始的当日不计入). N working days end at the close of
 *   office on the N-th working day after it; N calendar days on the N-th day after it, moved to the
 *   first working day after when that day is not one (期间届满的最后一日是节假日的，以其后的第一个
 *   工作日为期间届满的日期). A day touched by a suspension (any part of it) is not counted, unless the
 *   suspension only began after the due time.
 * - Same day (`sameDay`, 当日) and any 0-day limit: the close of office on the day of acceptance when
 *   accepted on a working day before its close; otherwise (after close, weekend, holiday) the close
 *   of the next working day (民法典第二百零三条第二款: 有业务时间的，停止业务活动的时间为截止时间).
 *   Before opening on a working day the day's business is still ahead, so that day's close holds.
 *   After a suspension the same rule applies from the resumption.
 * - Hours and minutes count office time only, from the start instant; suspended time does not count.
 */
import type { DueResult, Suspension, WorkCalendar } from './contract.ts';
import type { Duration } from '../pack/index.ts';
import { coverageWarnings } from './coverage.ts';
import type { DayIndex } from './day-index.ts';
import { ClockError } from './errors.ts';
import { clockInstant } from './clock-input.ts';
import { HOUR_MS, MINUTE_MS, formatInstant, shanghaiDay } from './shanghai-time.ts';
import { resolveSpans, type Span, NO_SPANS } from './suspension.ts';
import { indexOf } from './work-calendar.ts';

export type Unit = Duration['unit'];

/** Milliseconds of office time per unit, for hours and minutes. */
export function officeUnitMs(unit: Unit): number {
  return unit === 'hours' ? HOUR_MS : MINUTE_MS;
}


/** Units counted in whole days (due at a day's close): working days, calendar days, the same day. */
export function isDayUnit(unit: Unit): boolean {
  return unit === 'workingDays' || unit === 'calendarDays' || unit === 'sameDay';
}

/** Rejects durations the schema would reject, for callers that bypass the pack. */
export function checkDuration(d: Duration, where: string): void {
  if (!Number.isInteger(d.amount) || d.amount < 0) {
    throw new ClockError('E-CLOCK-DURATION-INVALID', `时限数量 ${String(d.amount)} 无效，应为不小于 0 的整数`, `${where}.amount`);
  }
  const u = d.unit;
  if (u !== 'workingDays' && u !== 'calendarDays' && u !== 'hours' && u !== 'minutes' && u !== 'sameDay') {
    throw new ClockError('E-CLOCK-DURATION-INVALID', `时限单位 '${String(d.unit)}' 无效，应为 workingDays（工作日）、calendarDays（自然日）、hours（小时）、minutes（分钟）或 sameDay（当日）`, `${where}.unit`);
  }
  if (u === 'sameDay' && d.amount !== 0) {
    throw new ClockError('E-CLOCK-DURATION-INVALID', `当日（sameDay）时限的数量应为 0，写作 {amount: 0, unit: sameDay}，实际是 ${String(d.amount)}`, `${where}.amount`);
  }
}

/** The due instant (epoch ms) of `amount` `unit` from `startMs`, suspensions excluded. */
export function dueAt(index: DayIndex, startMs: number, amount: number, unit: Unit, spans: readonly Span[] = NO_SPANS): number {
  // 当日 and 0 days: one rule (the file comment), whatever the day unit.
  if (unit === 'sameDay' || ((unit === 'workingDays' || unit === 'calendarDays') && amount === 0)) return sameDayDue(index, startMs, spans);
  if (unit === 'workingDays' || unit === 'calendarDays') return dayDue(index, startMs, amount, unit === 'workingDays', spans);
  return officeDue(index, startMs, amount * officeUnitMs(unit), spans);
}

/** 当日: the close of the first working day whose close is still ahead of `t`. */
function sameDayFrom(index: DayIndex, t: number): number {
  const day = shanghaiDay(t);
  const first = index.firstWorkingFrom(day);
  if (first !== day) return index.closeOf(first);
  const close = index.closeOf(day);
  return close > t ? close : index.closeOf(index.nthWorkingAfter(day, 1));
}

/** 当日 with suspensions: each suspension that begins before the due time restarts the rule at its end. */
function sameDayDue(index: DayIndex, startMs: number, spans: readonly Span[]): number {
  let t = startMs;
  let due = sameDayFrom(index, t);
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.from >= due) break;
    if (span.to <= t) continue;
    t = span.to;
    due = sameDayFrom(index, t);
  }
  return due;
}

function dayDue(index: DayIndex, startMs: number, amount: number, working: boolean, spans: readonly Span[]): number {
  // c: the last day not to count; need: days still to count after it.
  let c = shanghaiDay(startMs);
  let need = amount;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    // A suspension that begins after the due time cannot move it.
    if (span.from >= candidate(index, c, need, working)) break;
    const first = shanghaiDay(span.from);
    const last = shanghaiDay(span.to - 1);
    const before = working ? index.workingIn(c, first - 1) : Math.max(0, first - 1 - c);
    // Calendar days only: the period ended before the suspension and was merely rolled over a holiday.
    if (before >= need) break;
    need -= before;
    if (last > c) c = last;
  }
  const due = candidate(index, c, need, working);
  return due < startMs ? startMs : due;
}

function candidate(index: DayIndex, c: number, need: number, working: boolean): number {
  let day: number;
  if (working) day = need === 0 ? index.firstWorkingFrom(c) : index.nthWorkingAfter(c, need);
  else day = index.firstWorkingFrom(c + need);
  return index.closeOf(day);
}

function officeDue(index: DayIndex, startMs: number, needMs: number, spans: readonly Span[]): number {
  if (needMs === 0) return startMs;
  let cur = startMs;
  let need = needMs;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.to <= cur) continue;
    const from = span.from > cur ? span.from : cur;
    const available = index.officeAt(from) - index.officeAt(cur);
    if (available >= need) break;
    need -= available;
    cur = span.to;
  }
  return index.instantAtOffice(index.officeAt(cur) + need, shanghaiDay(cur));
}

export interface AddOptions {
  /** Closed suspensions (each with `to`) between the start and the due time. */
  readonly suspensions?: readonly Suspension[];
}

/**
 * `start` + `duration` on the calendar: the due time (ISO, +08:00) and warnings for any day counted
 * that was not declared officially by the pack (calendar-fallback, calendar-uncovered,
 * calendar-provisional). Throws ClockError for bad input.
 */
/** `start` is ISO 8601 text, or epoch milliseconds of an instant the caller already parsed. */
export function addDuration(cal: WorkCalendar, start: string | number, duration: Duration, options: AddOptions = {}): DueResult {
  const index = indexOf(cal);
  const startMs = typeof start === 'number' ? start : clockInstant(start, 'start');
  checkDuration(duration, 'duration');
  const spans = resolveSpans(startMs, options.suspensions, null);
  const due = dueAt(index, startMs, duration.amount, duration.unit, spans);
  return { due: formatInstant(due), warnings: coverageWarnings(index, shanghaiDay(startMs), shanghaiDay(due)) };
}
