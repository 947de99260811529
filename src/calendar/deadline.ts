/**
 * The `deadline` of an accepted application's decision: promised and statutory due, counted from
 * acceptance (the time on the acceptance notice), with warnings when a counted day was not declared
 * officially by the pack.
 */
import type { DecisionDeadline, Limits } from '../pack/index.ts';
import type { Extension, Suspension, WorkCalendar } from './contract.ts';
import { coverageWarnings } from './coverage.ts';
import { checkDuration, dueAt } from './due.ts';
import { approvedExtensions, extendedAmount, splitLate } from './extension.ts';
import { clockInstant } from './clock-input.ts';
import { formatInstant, isCanonicalInstant, shanghaiDay } from './shanghai-time.ts';
import { resolveSpans } from './suspension.ts';
import { indexOf } from './work-calendar.ts';

export type Deadline = NonNullable<DecisionDeadline>;

export interface DeadlineOptions {
  /** Closed suspensions (each with `to`): their days or office time do not count. */
  readonly suspensions?: readonly Suspension[];
  /** Approved extensions, within `limits.extension.max`. */
  readonly extensions?: readonly Extension[];
}

/**
 * Fills a decision's `deadline`. `amount` is the limit plus any extension approved within the
 * statutory period. Throws
 * ClockError for a bad time, an open suspension or a refused extension.
 */
/** `acceptedAt` is ISO 8601 text, or epoch milliseconds of an instant the caller already parsed. */
export function computeDeadline(cal: WorkCalendar, limits: Limits, acceptedAt: string | number, options: DeadlineOptions = {}): Deadline {
  const index = indexOf(cal);
  const start = typeof acceptedAt === 'number' ? acceptedAt : clockInstant(acceptedAt, 'acceptedAt');
  checkDuration(limits.promised, 'limits.promised');
  checkDuration(limits.statutory, 'limits.statutory');
  const max = limits.extension?.max;
  const spans = resolveSpans(start, options.suspensions, null);
  // An extension approved after the statutory period ran out extends nothing (see extension.ts).
  const approved = splitLate(index, start, limits.statutory, max, approvedExtensions(options.extensions, max, null), spans).timely;
  const promisedAmount = extendedAmount(limits.promised, max, approved, 'limits.promised');
  const statutoryAmount = extendedAmount(limits.statutory, max, approved, 'limits.statutory');
  const statutoryDue = dueAt(index, start, statutoryAmount, limits.statutory.unit, spans);
  // A promise never outlasts the law (see clock.ts): the promised due is at the latest the statutory one.
  const ownDue = dueAt(index, start, promisedAmount, limits.promised.unit, spans);
  const promisedDue = ownDue > statutoryDue ? statutoryDue : ownDue;
  const last = promisedDue > statutoryDue ? promisedDue : statutoryDue;
  const warnings = coverageWarnings(index, shanghaiDay(start), shanghaiDay(last));
  return {
    // Already canonical in the common case: no need to write it again.
    acceptedAt: typeof acceptedAt === 'string' && isCanonicalInstant(acceptedAt) ? acceptedAt : formatInstant(start),
    promised: { amount: promisedAmount, unit: limits.promised.unit, due: formatInstant(promisedDue) },
    statutory: { amount: statutoryAmount, unit: limits.statutory.unit, due: formatInstant(statutoryDue) },
    warnings: warnings.length === 0 ? [] : warnings.map((w) => ({ ...w })),
  };
}
