/** One year of a calendar as people read it: breaks, make-up workdays, working days per month. */
import type { DecisionWarning } from '../pack/index.ts';
import { clockDate } from './clock-input.ts';
import { daysFromCivil, daysInMonth, weekdayName } from '../core/index.ts';
import { coverageWarnings } from './coverage.ts';
import { FIRST_YEAR, LAST_YEAR } from './day-index.ts';
import { ClockError } from './errors.ts';
import type { Calendar } from './work-calendar.ts';

export interface YearSummary {
  readonly year: number;
  readonly source: 'pack' | 'package' | 'statutory' | 'weekends-only';
  /** False for a pre-arranged pack year and the statutory rule; null when no schedule is known. */
  readonly official: boolean | null;
  readonly provenance: string | null;
  readonly holidays: ReadonlyArray<{ readonly name: string; readonly from: string; readonly to: string; readonly days: number }>;
  readonly workdays: ReadonlyArray<{ readonly date: string; readonly weekday: string; readonly name: string }>;
  readonly months: ReadonlyArray<{ readonly month: number; readonly workingDays: number; readonly calendarDays: number }>;
  readonly workingDays: number;
  readonly warnings: readonly DecisionWarning[];
}

export function yearSummary(cal: Calendar, year: number): YearSummary {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new ClockError('E-CLOCK-DATE-OUT-OF-RANGE', `年份 ${String(year)} 超出可计算的范围（${FIRST_YEAR}–${LAST_YEAR}）`, 'year');
  }
  const decl = cal.declarations.get(year);
  const index = cal.index;
  const months = Array.from({ length: 12 }, (_, i) => {
    const first = daysFromCivil(year, i + 1, 1);
    const n = daysInMonth(year, i + 1);
    return { month: i + 1, workingDays: index.workingIn(first - 1, first + n - 1), calendarDays: n };
  });
  return {
    year,
    source: decl?.source ?? 'weekends-only',
    official: decl ? decl.official : null,
    provenance: decl?.provenance ?? null,
    holidays: (decl?.holidays ?? []).map((h) => ({ ...h, days: clockDate(h.to) - clockDate(h.from) + 1 })),
    workdays: (decl?.workdays ?? []).map((w) => ({ date: w.date, weekday: weekdayName(clockDate(w.date)), name: w.name })),
    months,
    workingDays: months.reduce((t, m) => t + m.workingDays, 0),
    warnings: coverageWarnings(index, daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)),
  };
}
