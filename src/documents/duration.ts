import type { Duration } from '../pack/index.ts';
import { DocumentError } from './errors.ts';

/**
 * The wording printed on documents handed to the citizen, deliberately not the pack's
 * `describeDuration` (used by messages, the CLI and reports): a document spells calendar days out
 * as `7日（自然日）` so they are not read as working days, prints a 0-amount limit as `当场`, and
 * rejects a malformed limit (E-DOC-DATA) instead of printing it as written.
 */
const UNITS: Readonly<Record<Duration['unit'], (n: number) => string>> = {
  workingDays: (n) => `${n}个工作日`,
  calendarDays: (n) => `${n}日（自然日）`,
  hours: (n) => `${n}小时`,
  minutes: (n) => `${n}分钟`,
  sameDay: () => '当日',
};

/** `{amount: 10, unit: workingDays}` → `10个工作日`; an amount of 0 is `当场`; `{amount: 0, unit: sameDay}` is `当日`. */
export function formatDuration(d: { readonly amount: number; readonly unit: string }): string {
  const unit = typeof d === 'object' && d !== null ? UNITS[d.unit as Duration['unit']] : undefined;
  if (!unit || !Number.isInteger(d.amount) || d.amount < 0) {
    throw new DocumentError('E-DOC-DATA', `时限 ${JSON.stringify(d)} 无效：应为 {amount: 非负整数, unit: workingDays | calendarDays | hours | minutes | sameDay}`);
  }
  if (d.unit === 'sameDay') return unit(0);
  return d.amount === 0 ? '当场' : unit(d.amount);
}
