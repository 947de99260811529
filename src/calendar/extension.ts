/**
 * Extensions (延长): only with an approval record, never beyond the item's declared maximum
 * (行政许可法 Art. 42: 经本行政机关负责人批准，可以延长十日). A refused extension is a ClockError.
 * An extension must be approved within the statutory period (Art. 42: 在二十日内不能作出决定的，
 * 可以延长): one approved after the period ran out is recorded but extends nothing, so a breach
 * stays a breach.
 */
import type { Duration } from '../pack/index.ts';
import type { Extension } from './contract.ts';
import type { DayIndex } from './day-index.ts';
import { describeDuration, unitWord } from './describe.ts';
import { checkDuration, dueAt } from './due.ts';
import type { Span } from './suspension.ts';
import { ClockError } from './errors.ts';
import { clockInstant } from './clock-input.ts';

const NONE: readonly ApprovedExtension[] = Object.freeze([]);

export interface ApprovedExtension {
  readonly amount: number;
  readonly approvedAt: number;
}

/**
 * Checks every extension of a case and returns those approved by `until` (all when null), in the
 * unit of `max`. Throws extension-not-allowed, extension-unapproved, extension-unit-mismatch or
 * extension-exceeds-max.
 */
export function approvedExtensions(
  extensions: readonly Extension[] | undefined,
  max: Duration | undefined,
  until: number | null,
  path = 'extensions',
): readonly ApprovedExtension[] {
  if (!extensions || extensions.length === 0) return NONE;
  if (!max) throw ClockError.of('E-CLOCK-EXTENSION-NOT-ALLOWED', {}, { path: `${path}[0]` });
  const out: ApprovedExtension[] = [];
  let total = 0;
  extensions.forEach((e, i) => {
    const at = `${path}[${i}]`;
    checkDuration({ amount: e.amount, unit: e.unit }, at);
    if (typeof e.approvedBy !== 'string' || e.approvedBy.trim() === '') {
      throw ClockError.of('E-CLOCK-EXTENSION-UNAPPROVED', { missing: '批准人（approvedBy）' }, { path: `${at}.approvedBy` });
    }
    if (typeof e.approvedAt !== 'string' || e.approvedAt.trim() === '') {
      throw ClockError.of('E-CLOCK-EXTENSION-UNAPPROVED', { missing: '批准时间（approvedAt）' }, { path: `${at}.approvedAt` });
    }
    const approvedAt = clockInstant(e.approvedAt, `${at}.approvedAt`);
    if (e.unit !== max.unit) {
      throw ClockError.of('E-CLOCK-EXTENSION-UNIT-MISMATCH', { unit: unitWord(e.unit), maxUnit: unitWord(max.unit) }, { path: `${at}.unit` });
    }
    total += e.amount;
    if (total > max.amount) {
      throw ClockError.of('E-CLOCK-EXTENSION-EXCEEDS-MAX', { total: describeDuration({ amount: total, unit: max.unit }), max: describeDuration(max) }, { path: at });
    }
    if (until === null || approvedAt <= until) out.push({ amount: e.amount, approvedAt });
  });
  return out;
}

/** The limit plus the approved extensions; the limit must be in the extensions' unit. */
export function extendedAmount(limit: Duration, max: Duration | undefined, approved: readonly ApprovedExtension[], path: string): number {
  if (approved.length === 0) return limit.amount;
  if (max && limit.unit !== max.unit) {
    throw new ClockError('E-CLOCK-EXTENSION-UNIT-MISMATCH', `时限以“${unitWord(limit.unit)}”计，不能按“${unitWord(max.unit)}”延长`, `${path}.unit`);
  }
  let amount = limit.amount;
  for (const e of approved) amount += e.amount;
  return amount;
}

export interface TimelyExtensions {
  /** Approved while the statutory period (as extended so far) was still running: they count. */
  readonly timely: readonly ApprovedExtension[];
  /** Approved after it had run out: recorded, never counted. */
  readonly late: ReadonlyArray<ApprovedExtension & { readonly periodEnd: number }>;
}

/**
 * Splits approved extensions into timely and late ones, in order of approval: each is timely when
 * approved by the statutory due as extended by the timely ones before it.
 */
export function splitLate(index: DayIndex, start: number, statutory: Duration, max: Duration | undefined, approved: readonly ApprovedExtension[], spans: readonly Span[]): TimelyExtensions {
  if (approved.length === 0) return { timely: NONE, late: [] };
  const ordered = [...approved].sort((a, b) => a.approvedAt - b.approvedAt);
  const timely: ApprovedExtension[] = [];
  const late: Array<ApprovedExtension & { periodEnd: number }> = [];
  let periodEnd = dueAt(index, start, statutory.amount, statutory.unit, spans);
  for (const e of ordered) {
    if (e.approvedAt > periodEnd) {
      late.push({ ...e, periodEnd });
      continue;
    }
    timely.push(e);
    periodEnd = dueAt(index, start, extendedAmount(statutory, max, timely, 'statutory'), statutory.unit, spans);
  }
  return { timely: timely.length === approved.length ? approved : timely, late };
}
