/**
 * A center's working calendar: the pack's calendar files first, the `chinese-days` data package
 * for years the pack does not declare, then the statutory holidays of 《全国年节及纪念日放假办法》
 * (from 2025, without 调休 or 补假), weekends only beyond all three (every result relying on days
 * not declared officially by the pack carries a warning, see coverage.ts). Built once per pack
 * into a DayIndex.
 */
import { formatDate, formatPath, weekdayOf, type PathSegment } from '../core/index.ts';
import { PackLoadError } from '../pack/index.ts';
import type { PackData } from '../pack/index.ts';
import type { CalendarFile, OfficeHours } from '../pack/index.ts';
import { clockDate } from './clock-input.ts';
import type { WorkCalendar } from './contract.ts';
import { DayIndex, LAST_YEAR, Source, type DayInfo } from './day-index.ts';
import { ClockError } from './errors.ts';
import { compileOfficeHours, type CompiledOfficeHours, type DayPeriods } from './office-hours.ts';
import { STATUTORY_FROM, statutoryDeclaration } from './statutory.ts';
import { fromCalendarFile, packageDeclarations, type YearDeclaration } from './year-declaration.ts';

export interface CalendarInput {
  /** The pack's calendar files (any order). */
  readonly calendars: readonly CalendarFile[];
  readonly officeHours: OfficeHours;
  /** Use the `chinese-days` package for years the pack omits; default true. */
  readonly fallback?: boolean;
  /** Use the statutory holidays for years (from 2025) neither declares; default true. */
  readonly statutory?: boolean;
}

const SOURCE_NAMES = ['pack', 'package', 'statutory', 'weekends-only'] as const;
const SOURCE_OF = { pack: Source.Pack, package: Source.Package, statutory: Source.Statutory } as const;
const NO_HOURS: DayPeriods = Object.freeze([]);

/** The WorkCalendar of the contract, plus what the CLI and the clock need to explain themselves. */
export class Calendar implements WorkCalendar {
  readonly index: DayIndex;
  readonly office: CompiledOfficeHours;
  /** Each known year's schedule: pack years, else package years, else the statutory rule. */
  readonly declarations: ReadonlyMap<number, YearDeclaration>;

  constructor(input: CalendarInput) {
    this.office = compileOfficeHours(input.officeHours);
    const decls = new Map<number, YearDeclaration>();
    if (input.fallback !== false) for (const [y, d] of packageDeclarations()) decls.set(y, d);
    for (const file of input.calendars) decls.set(file.year, fromCalendarFile(file));
    if (input.statutory !== false) {
      for (let y = STATUTORY_FROM; y <= LAST_YEAR; y++) {
        // A year the lunar data cannot place stays undeclared: weekends only, with its warning.
        const statutory = decls.has(y) ? null : statutoryDeclaration(y);
        if (statutory) decls.set(y, statutory);
      }
    }
    this.declarations = new Map([...decls].sort((a, b) => a[0] - b[0]));

    const holidays = new Set<number>();
    const makeUp = new Set<number>();
    for (const decl of this.declarations.values()) {
      for (const h of decl.holidays) for (let d = clockDate(h.from), end = clockDate(h.to); d <= end; d++) holidays.add(d);
      for (const w of decl.workdays) makeUp.add(clockDate(w.date));
    }
    const office = this.office;
    // One scratch record reused for every day: the index copies what it needs.
    const dayInfo: { -readonly [K in keyof DayInfo]: DayInfo[K] } = { working: false, hours: NO_HOURS, source: Source.Pack, provisional: false };
    const info = (day: number, year: number): DayInfo => {
      const decl = this.declarations.get(year);
      const wd = weekdayOf(day);
      const isMakeUp = makeUp.has(day);
      const isHoliday = holidays.has(day);
      const working = isMakeUp || (!isHoliday && wd !== 0 && wd !== 6);
      let hours: DayPeriods = NO_HOURS;
      // A make-up workday stands in for a weekday: it keeps the default hours, not the weekend's.
      if (working) hours = isMakeUp ? office.default : (office.overrides[wd] ?? office.default);
      // A regular weekend is open only where the center declares hours for it; those minutes count
      // for minute and hour limits, but the day is never a working day.
      else if (!isHoliday) hours = office.overrides[wd] ?? NO_HOURS;
      dayInfo.working = working;
      dayInfo.hours = hours;
      dayInfo.source = decl ? SOURCE_OF[decl.source] : Source.WeekendsOnly;
      dayInfo.provisional = decl ? !decl.official : false;
      return dayInfo;
    };
    this.index = new DayIndex(info, office.default.at(-1)?.[1]);
    Object.freeze(this);
  }

  isWorkingDay(date: string): boolean {
    return this.index.isWorking(clockDate(date));
  }

  sourceOf(date: string): 'pack' | 'package' | 'statutory' | 'weekends-only' {
    return SOURCE_NAMES[this.index.sourceOf(clockDate(date))];
  }

  officeHours(date: string): ReadonlyArray<readonly [number, number]> {
    return this.index.periodsOf(clockDate(date));
  }

  /** True when the date's schedule is a pack year marked `official: false`, or the statutory rule. */
  isProvisional(date: string): boolean {
    return this.index.isProvisional(clockDate(date));
  }
}

/** A calendar from calendar files and office hours (tests, tools); see buildCalendar for packs. */
export function createCalendar(input: CalendarInput): Calendar {
  return new Calendar(input);
}

/**
 * The calendar of a loaded pack. Office hours the schema lets through but that cannot work (a
 * period ending before it starts, overlapping periods) reject with a located PackLoadError.
 */
export function buildCalendar(pack: PackData): Calendar {
  try {
    return new Calendar({ calendars: pack.calendars, officeHours: pack.center.center.officeHours });
  } catch (err) {
    if (!(err instanceof ClockError) || err.code !== 'E-CLOCK-OFFICE-HOURS-INVALID') throw err;
    const path = pathSegments(err.location.path ?? '');
    const at = pack.sources.locate('center.yaml', path);
    throw new PackLoadError([{ file: 'center.yaml', line: at.line, column: at.column, path: formatPath(path), code: 'E-CENTER-OFFICE-HOURS', message: err.detail }]);
  }
}

/** `center.officeHours.mon[1]` → `['center', 'officeHours', 'mon', 1]`. */
function pathSegments(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)) out.push(m[1] ?? Number(m[2]));
  return out;
}

const foreign = new WeakMap<WorkCalendar, DayIndex>();

/**
 * The day index behind any WorkCalendar: the one built with a Calendar, or, for another
 * implementation of the contract, one built (once) by asking it about every day.
 */
export function indexOf(cal: WorkCalendar): DayIndex {
  if (cal instanceof Calendar) return cal.index;
  let index = foreign.get(cal);
  if (!index) {
    const names = { ...SOURCE_OF, 'weekends-only': Source.WeekendsOnly } as const;
    index = new DayIndex((day) => {
      const date = formatDate(day);
      const source = names[cal.sourceOf(date)];
      return { working: cal.isWorkingDay(date), hours: cal.officeHours(date), source, provisional: source === Source.Statutory };
    });
    foreign.set(cal, index);
  }
  return index;
}
