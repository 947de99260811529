/**
 * Extensions (延长): only with an approval record, never beyond the item's declared maximum
 * (行政许可法 Art. 42: 经本行政机关负责人批准，可以延长十日). A refused extension is a ClockError.
 */
import type { Duration } from '../pack/index.ts';
import type { Extension } from './contract.ts';
import { describeDuration, unitWord } from './describe.ts';
import { checkDuration } from './due.ts';
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
