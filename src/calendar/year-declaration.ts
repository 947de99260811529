/**
 * One year's holiday schedule as the calendar uses it, whether declared by the pack
 * (calendar/YYYY.yaml), taken from the `chinese-days` data package for years the pack omits, or
 * derived from the statutory rule for years neither declares (statutory.ts).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import type { CalendarFile } from '../pack/index.ts';
import { clockDate } from './clock-input.ts';
import { formatDate } from '../core/index.ts';

export interface HolidaySpan {
  readonly name: string;
  /** First and last day, `YYYY-MM-DD`, inclusive. */
  readonly from: string;
  readonly to: string;
}

export interface MakeUpDay {
  readonly date: string;
  readonly name: string;
}

export interface YearDeclaration {
  readonly year: number;
  readonly source: 'pack' | 'package' | 'statutory';
  /** False for a pack year pre-arranged before the State Council's notice (`official: false`), and for the statutory rule. */
  readonly official: boolean;
  /** Where the schedule comes from, in words (the notice, or the data package). */
  readonly provenance: string;
  readonly holidays: readonly HolidaySpan[];
  readonly workdays: readonly MakeUpDay[];
}

/** A pack calendar file as a declaration. */
export function fromCalendarFile(file: CalendarFile): YearDeclaration {
  return {
    year: file.year,
    source: 'pack',
    official: file.official,
    provenance: file.source,
    holidays: file.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to ?? h.from })),
    workdays: file.workdays.map((w) => ({ date: w.date, name: w.name })),
  };
}

interface PackageData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

let packageYears: ReadonlyMap<number, YearDeclaration> | null = null;

/** Years the `chinese-days` package knows, parsed once. */
export function packageDeclarations(): ReadonlyMap<number, YearDeclaration> {
  packageYears ??= parsePackage(chineseDays);
  return packageYears;
}

/** Entries look like `"2025-10-06": "Mid-autumn Festival,中秋,1"`: the Chinese name is the second field. */
function parsePackage(data: PackageData): ReadonlyMap<number, YearDeclaration> {
  const holidays = new Map<number, Array<{ day: number; name: string }>>();
  const workdays = new Map<number, MakeUpDay[]>();
  for (const [date, value] of Object.entries(data.holidays)) {
    const year = Number(date.slice(0, 4));
    const list = holidays.get(year) ?? [];
    list.push({ day: clockDate(date), name: value.split(',')[1] ?? value });
    holidays.set(year, list);
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    const year = Number(date.slice(0, 4));
    const list = workdays.get(year) ?? [];
    list.push({ date, name: `${value.split(',')[1] ?? value}调休` });
    workdays.set(year, list);
  }
  const out = new Map<number, YearDeclaration>();
  for (const [year, days] of [...holidays].sort((a, b) => a[0] - b[0])) {
    days.sort((a, b) => a.day - b.day);
    // Consecutive days form one break; a break spanning two festivals (国庆 with 中秋) keeps both names.
    const spans: Array<{ names: string[]; from: number; to: number }> = [];
    for (const { day, name } of days) {
      const last = spans.at(-1);
      if (last && last.to === day - 1) {
        last.to = day;
        if (!last.names.includes(name)) last.names.push(name);
      } else spans.push({ names: [name], from: day, to: day });
    }
    out.set(year, {
      year,
      source: 'package',
      official: true,
      provenance: `内置节假日数据（chinese-days ${chineseDaysPackage.version}）`,
      holidays: spans.map((s) => ({ name: s.names.join('、'), from: formatDate(s.from), to: formatDate(s.to) })),
      workdays: (workdays.get(year) ?? []).sort((a, b) => (a.date < b.date ? -1 : 1)),
    });
  }
  return out;
}
