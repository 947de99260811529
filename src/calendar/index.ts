/**
 * The statutory clock: working days with 调休, office hours, deadlines, suspension, extension and
 * yellow/red warnings. The counting convention is documented in README「期限计算口径」.
 */
export type {
  ClockCase,
  ClockLevel,
  ClockState,
  DueResult,
  Extension,
  Suspension,
  WorkCalendar,
} from './contract.ts';
export { Calendar, buildCalendar, createCalendar, type CalendarInput } from './work-calendar.ts';
export { addDuration, type AddOptions } from './due.ts';
export { computeDeadline, type Deadline, type DeadlineOptions } from './deadline.ts';
export { clock, type ClockPolicy, type InstantInput } from './clock.ts';
export { sweepClocks, type SweepResult } from './sweep.ts';
export {
  policyClock,
  policyDue,
  supplementNotice,
  POLICY_CLOCK_LABELS,
  type PolicyClockName,
  type PolicyClockOptions,
  type SupplementNoticeState,
} from './policy-clocks.ts';
export { yearSummary, type YearSummary } from './year-summary.ts';
export { ClockError, type ClockErrorCode } from './errors.ts';
export { formatInstant, shanghaiDate } from './shanghai-time.ts';
export { clockDate, clockInstant } from './clock-input.ts';
export { describeDuration, describeInstant } from './describe.ts';
export { FIRST_YEAR, LAST_YEAR } from './day-index.ts';
export { deadlineBasis, deadlineModes, deadlineOn, packClock, packDeadline, type DeadlineBasis } from './pack-clock.ts';
