/**
 * Extensions (延长): only with an approval record, never beyond the item's declared maximum
 * (行政许可法 Art. 42: 经本行政机关负责人批准，可以延长十日). A refused extension is a ClockError.
 */
import type { Duration } from '../pack/index.ts';
import type { Extension } from './contract.ts';
import { describeDuration, unitWord } from './describe.ts';
import { checkDuration } from './due.ts';
import { ClockError } from './errors.ts';
import { parseInstant } from './shanghai-time.ts';

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
  if (!max) throw new ClockError('extension-not-allowed', '本事项未规定可以延长的期限，不得延长', `${path}[0]`);
  const out: ApprovedExtension[] = [];
  let total = 0;
  extensions.forEach((e, i) => {
    const at = `${path}[${i}]`;
    checkDuration({ amount: e.amount, unit: e.unit }, at);
    if (typeof e.approvedBy !== 'string' || e.approvedBy.trim() === '') {
      throw new ClockError('extension-unapproved', '延长期限须经批准：缺少批准人（approvedBy），不予延长', `${at}.approvedBy`);
    }
    if (typeof e.approvedAt !== 'string' || e.approvedAt.trim() === '') {
      throw new ClockError('extension-unapproved', '延长期限须经批准：缺少批准时间（approvedAt），不予延长', `${at}.approvedAt`);
    }
    const approvedAt = parseInstant(e.approvedAt, `${at}.approvedAt`);
    if (e.unit !== max.unit) {
      throw new ClockError('extension-unit-mismatch', `延长以“${unitWord(e.unit)}”计，本事项可延长的期限以“${unitWord(max.unit)}”计，单位不一致`, `${at}.unit`);
    }
    total += e.amount;
    if (total > max.amount) {
      throw new ClockError(
        'extension-exceeds-max',
        `延长合计 ${describeDuration({ amount: total, unit: max.unit })}，超过本事项规定的最长延长期限 ${describeDuration(max)}，不予延长`,
        at,
      );
    }
    if (until === null || approvedAt <= until) out.push({ amount: e.amount, approvedAt });
  });
  return out;
}

/** The limit plus the approved extensions; the limit must be in the extensions' unit. */
export function extendedAmount(limit: Duration, max: Duration | undefined, approved: readonly ApprovedExtension[], path: string): number {
  if (approved.length === 0) return limit.amount;
  if (max && limit.unit !== max.unit) {
    throw new ClockError('extension-unit-mismatch', `时限以“${unitWord(limit.unit)}”计，不能按“${unitWord(max.unit)}”延长`, `${path}.unit`);
  }
  let amount = limit.amount;
  for (const e of approved) amount += e.amount;
  return amount;
}
