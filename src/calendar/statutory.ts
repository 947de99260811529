/**
 * The calendar's schedule for a year neither the pack nor the `chinese-days` data declares: the
 * statutory holidays of 《全国年节及纪念日放假办法》 (computed in src/pack/statutory-holidays.ts),
 * as breaks, with no make-up workdays; every result using them is provisional (coverage.ts).
 */
import { formatDate, parseDate } from '../core/index.ts';
import { STATUTORY_FROM, statutoryHolidays, type StatutoryHoliday } from '../pack/index.ts';
import type { HolidaySpan, YearDeclaration } from './year-declaration.ts';

export { STATUTORY_FROM, statutoryHolidays, type StatutoryHoliday };

const declarations = new Map<number, YearDeclaration | null>();

/**
 * A year's schedule from the statutory rule: its holidays as breaks (overlapping ones merged), no
 * make-up days. Null when the lunar data cannot place that year's festivals: the year is then
 * counted by weekends only, with the `calendar-uncovered` warning, rather than failing the pack.
 */
export function statutoryDeclaration(year: number): YearDeclaration | null {
  if (!declarations.has(year)) declarations.set(year, buildDeclaration(year));
  return declarations.get(year)!;
}

function buildDeclaration(year: number): YearDeclaration | null {
  const statutory = statutoryHolidays(year);
  if (!statutory) return null;
  const days = new Map<number, string[]>();
  for (const h of statutory) {
    for (const d of h.days) {
      const n = parseDate(d);
      const names = days.get(n) ?? [];
      if (!names.includes(h.name)) names.push(h.name);
      days.set(n, names);
    }
  }
  const spans: Array<{ names: string[]; from: number; to: number }> = [];
  for (const [day, names] of [...days].sort((a, b) => a[0] - b[0])) {
    const last = spans.at(-1);
    // Consecutive days of one festival form one break, joined by a festival sharing its days (中秋 on 10月1日–3日).
    if (last && last.to === day - 1 && names.some((n) => last.names.includes(n))) {
      last.to = day;
      for (const n of names) if (!last.names.includes(n)) last.names.push(n);
    } else spans.push({ names: [...names], from: day, to: day });
  }
  const holidays: HolidaySpan[] = spans.map((s) => ({ name: s.names.join('、'), from: formatDate(s.from), to: formatDate(s.to) }));
  return Object.freeze({
    year,
    source: 'statutory',
    official: false,
    provenance: '《全国年节及纪念日放假办法》规定的法定假日（按规则推算，不含调休和补假）',
    holidays: Object.freeze(holidays),
    workdays: Object.freeze([]),
  });
}
