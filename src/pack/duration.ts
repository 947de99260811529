/**
 * Limits (`{amount, unit}`) in words and compared by length: the one wording every stage from the
 * pack checks up uses (calendar re-exports it; documents print the citizen-facing style of their
 * own, see documents/duration.ts).
 */
import type { Duration } from './schema-types.ts';

type Unit = Duration['unit'];

/** What follows the number: `20个工作日`, `7日` … */
const UNIT_WORDS: Readonly<Record<Unit, string>> = {
  workingDays: '个工作日',
  calendarDays: '日',
  hours: '小时',
  minutes: '分钟',
  sameDay: '当日',
};

/** The unit as a kind of time, as in `以自然日计`. */
const UNIT_NAMES: Readonly<Record<Unit, string>> = {
  workingDays: '工作日',
  calendarDays: '自然日',
  hours: '小时',
  minutes: '分钟',
  sameDay: '当日',
};

export interface DescribeOptions {
  /** No space between number and unit (`20个工作日`), as in running message text; default spaced (`20 个工作日`). */
  readonly tight?: boolean;
}

/** `20 个工作日`, `7 日`, `2 小时`, `30 分钟`, `当日` (sameDay has no number); `tight`: `20个工作日`. */
export function describeDuration(d: { readonly amount: number; readonly unit: string }, options: DescribeOptions = {}): string {
  if (d.unit === 'sameDay') return UNIT_WORDS.sameDay;
  return `${d.amount}${options.tight ? '' : ' '}${unitWord(d.unit)}`;
}

/** The unit after a number: `个工作日` … (an unknown unit as written). */
export function unitWord(unit: string): string {
  return UNIT_WORDS[unit as Unit] ?? unit;
}

/** The unit as a kind of time: `工作日`, `自然日` … (an unknown unit as written). */
export function unitName(unit: string): string {
  return UNIT_NAMES[unit as Unit] ?? unit;
}

/**
 * A limit's rough length in minutes, for comparing limits of different units: office minutes and
 * hours as written, a day as 24 hours (which days count is the calendar's business). A same-day
 * limit — and a 0-day one, which the calendar runs as same-day — ends at the close of the day:
 * half a day here, longer than a few office hours and shorter than one day.
 */
export function durationSpan(d: { readonly amount: number; readonly unit: string }): number {
  switch (d.unit) {
    case 'minutes':
      return d.amount;
    case 'hours':
      return d.amount * 60;
    case 'sameDay':
      return 12 * 60;
    default:
      return d.amount === 0 ? 12 * 60 : d.amount * 24 * 60;
  }
}
