/**
 * The precomputed day index: for every day from 2000-01-01 to 2100-12-31, whether it is a working
 * day, which office hours apply, where its status came from, and running totals (working days,
 * office minutes, days per source). Adding N working days is then two array reads, and office time
 * between two instants is a subtraction.
 */
import { civilFromDays, daysFromCivil, formatDate } from '../core/index.ts';
import { ClockError } from './errors.ts';
import type { DayPeriods } from './office-hours.ts';
import { DAY_MS, MINUTE_MS, msOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from './shanghai-time.ts';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const FIRST_DAY = daysFromCivil(FIRST_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(LAST_YEAR, 12, 31);

/** Where a day's status comes from, most reliable first. */
export const Source = { Pack: 0, Package: 1, Statutory: 2, WeekendsOnly: 3 } as const;
export type Source = (typeof Source)[keyof typeof Source];

/** Bits of `DayIndex.coverage`. */
export const COVER_PACKAGE = 1;
export const COVER_UNCOVERED = 2;
export const COVER_PROVISIONAL = 4;

/** What the index needs to know about one day. */
export interface DayInfo {
  readonly working: boolean;
  /** Office periods of the day (empty when closed). */
  readonly hours: DayPeriods;
  readonly source: Source;
  /** From a pack calendar marked `official: false`, or from the statutory rule. */
  readonly provisional: boolean;
}

export class DayIndex {
  /** First and last day covered (days since 1970-01-01). */
  readonly first = FIRST_DAY;
  readonly last = LAST_DAY;
  private readonly n = LAST_DAY - FIRST_DAY + 1;
  private readonly working: Uint8Array;
  private readonly hoursId: Uint16Array;
  private readonly source: Uint8Array;
  private readonly provisional: Uint8Array;
  /** cumWork[i] = working days among index days [0, i). */
  private readonly cumWork: Int32Array;
  /** Index days of the working days, in order. */
  private readonly workList: Int32Array;
  /** cumOffice[i] = office milliseconds in index days [0, i). */
  private readonly cumOffice: Float64Array;
  private readonly cumPackage: Int32Array;
  private readonly cumUncovered: Int32Array;
  private readonly cumProvisional: Int32Array;
  /** Distinct office-hour lists; days refer to them by id. */
  private readonly hours: DayPeriods[] = [];
  /** The close (ms after midnight) that day-unit deadlines use, per hours id. */
  private readonly closeMs: number[] = [];
  /** Source and official flag per year, for warning messages. */
  private readonly yearSource: Uint8Array;
  private readonly yearProvisional: Uint8Array;

  /**
   * `info(day, year)` describes each day; `closeWhenNoHours` (minutes) ends day-unit deadlines on a
   * working day that has no office hours of its own (the center's usual close).
   */
  constructor(info: (day: number, year: number) => DayInfo, closeWhenNoHours?: number) {
    const n = this.n;
    const ids = new Map<string, number>();
    const byIdentity = new Map<DayPeriods, number>();
    const idOf = (periods: DayPeriods): number => {
      const known = byIdentity.get(periods);
      if (known !== undefined) return known;
      const key = periods.map(([s, e]) => `${s}-${e}`).join(',');
      let id = ids.get(key);
      if (id === undefined) {
        id = this.hours.length;
        ids.set(key, id);
        this.hours.push(periods);
        const close = periods.at(-1)?.[1] ?? closeWhenNoHours;
        // Without any known close, a deadline ends at the end of the day.
        this.closeMs.push(close === undefined ? DAY_MS - 1000 : close * MINUTE_MS);
      }
      byIdentity.set(periods, id);
      return id;
    };
    const years = LAST_YEAR - FIRST_YEAR + 1;
    this.yearSource = new Uint8Array(years);
    this.yearProvisional = new Uint8Array(years);
    this.working = new Uint8Array(n);
    this.hoursId = new Uint16Array(n);
    this.source = new Uint8Array(n);
    this.provisional = new Uint8Array(n);
    this.cumWork = new Int32Array(n + 1);
    this.cumOffice = new Float64Array(n + 1);
    this.cumPackage = new Int32Array(n + 1);
    this.cumUncovered = new Int32Array(n + 1);
    this.cumProvisional = new Int32Array(n + 1);
    const workList: number[] = [];
    let year = FIRST_YEAR;
    let nextYearStart = daysFromCivil(year + 1, 1, 1) - FIRST_DAY;
    for (let i = 0; i < n; i++) {
      if (i === nextYearStart) {
        year++;
        nextYearStart = daysFromCivil(year + 1, 1, 1) - FIRST_DAY;
      }
      const day = info(FIRST_DAY + i, year);
      const id = idOf(day.hours);
      this.working[i] = day.working ? 1 : 0;
      this.hoursId[i] = id;
      this.source[i] = day.source;
      this.provisional[i] = day.provisional ? 1 : 0;
      // A year's source is the least reliable of its days' (they agree for calendars built here).
      this.yearSource[year - FIRST_YEAR] = Math.max(this.yearSource[year - FIRST_YEAR]!, day.source);
      if (day.provisional) this.yearProvisional[year - FIRST_YEAR] = 1;
      if (day.working) workList.push(i);
      let office = 0;
      for (const [s, e] of day.hours) office += (e - s) * MINUTE_MS;
      this.cumWork[i + 1] = this.cumWork[i]! + (day.working ? 1 : 0);
      this.cumOffice[i + 1] = this.cumOffice[i]! + office;
      this.cumPackage[i + 1] = this.cumPackage[i]! + (day.source === Source.Package ? 1 : 0);
      this.cumUncovered[i + 1] = this.cumUncovered[i]! + (day.source === Source.WeekendsOnly ? 1 : 0);
      this.cumProvisional[i + 1] = this.cumProvisional[i]! + (day.provisional ? 1 : 0);
    }
    this.workList = Int32Array.from(workList);
  }

  /** The index position of a day; a typed Chinese error outside 2000–2100. */
  pos(day: number): number {
    const i = day - FIRST_DAY;
    if (i >= 0 && i < this.n) return i;
    throw new ClockError('E-CLOCK-DATE-OUT-OF-RANGE',
      `日期 ${Number.isFinite(day) ? formatDate(day) : String(day)} 超出可计算的范围（${FIRST_YEAR}-01-01 至 ${LAST_YEAR}-12-31）`,
    );
  }

  isWorking(day: number): boolean {
    return this.working[this.pos(day)] === 1;
  }

  sourceOf(day: number): Source {
    return this.source[this.pos(day)] as Source;
  }

  isProvisional(day: number): boolean {
    return this.provisional[this.pos(day)] === 1;
  }

  periodsOf(day: number): DayPeriods {
    return this.hours[this.hoursId[this.pos(day)]!]!;
  }

  /** Working days in the days (a, b]; 0 when b ≤ a. */
  workingIn(a: number, b: number): number {
    if (b <= a) return 0;
    return this.cumWork[this.pos(b) + 1]! - this.cumWork[this.pos(a) + 1]!;
  }

  /** The n-th working day after day a (n ≥ 1). */
  nthWorkingAfter(a: number, n: number): number {
    const k = this.cumWork[this.pos(a) + 1]! + n - 1;
    if (k >= this.workList.length) this.pos(this.last + 1);
    return this.workList[k]! + FIRST_DAY;
  }

  /** The first working day on or after a day. */
  firstWorkingFrom(day: number): number {
    const k = this.cumWork[this.pos(day)]!;
    if (k >= this.workList.length) this.pos(this.last + 1);
    return this.workList[k]! + FIRST_DAY;
  }

  /** The instant a day-unit deadline ends on a day: the close of its last office period. */
  closeOf(day: number): number {
    return startOfShanghaiDay(day) + this.closeMs[this.hoursId[this.pos(day)]!]!;
  }

  /** Office milliseconds from the start of the index to an instant. */
  officeAt(ms: number): number {
    const day = shanghaiDay(ms);
    const i = this.pos(day);
    const t = msOfShanghaiDay(ms);
    let before = 0;
    for (const [s, e] of this.hours[this.hoursId[i]!]!) {
      const sm = s * MINUTE_MS;
      if (t <= sm) break;
      const em = e * MINUTE_MS;
      before += (t < em ? t : em) - sm;
    }
    return this.cumOffice[i]! + before;
  }

  /** The earliest instant, on or after day `fromDay`, at which office time reaches `target`. */
  instantAtOffice(target: number, fromDay: number): number {
    // Smallest index day i ≥ lo whose end has cumOffice[i + 1] ≥ target. Office-time limits are
    // short, so look at the next few days first, then gallop and bisect.
    let lo = this.pos(fromDay);
    const n = this.n;
    if (this.cumOffice[n]! < target) {
      throw new ClockError('E-CLOCK-DATE-OUT-OF-RANGE', `到 ${LAST_YEAR}-12-31 为止的办公时间不足以计算此时限；请检查 center.yaml 的办公时间（officeHours）`);
    }
    let step = 1;
    let hi = lo;
    while (this.cumOffice[hi + 1]! < target) {
      lo = hi + 1;
      hi = Math.min(n - 1, hi + step);
      step *= 2;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumOffice[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    let rest = target - this.cumOffice[lo]!;
    const start = startOfShanghaiDay(lo + FIRST_DAY);
    for (const [s, e] of this.hours[this.hoursId[lo]!]!) {
      const len = (e - s) * MINUTE_MS;
      if (rest <= len) return start + s * MINUTE_MS + rest;
      rest -= len;
    }
    return start + DAY_MS; // unreachable: the day's office time covers the target
  }

  /** COVER_* bits for the days [a, b]: which of them were not from an official pack calendar. */
  coverage(a: number, b: number): number {
    const i = this.pos(a);
    const j = this.pos(b) + 1;
    return (
      (this.cumPackage[j]! > this.cumPackage[i]! ? COVER_PACKAGE : 0) |
      (this.cumUncovered[j]! > this.cumUncovered[i]! ? COVER_UNCOVERED : 0) |
      (this.cumProvisional[j]! > this.cumProvisional[i]! ? COVER_PROVISIONAL : 0)
    );
  }

  /** Where a year's status came from (the least reliable of its days'). */
  yearSourceOf(year: number): Source {
    return (this.yearSource[year - FIRST_YEAR] ?? Source.WeekendsOnly) as Source;
  }

  /** Years among the days [a, b] whose status has the given cover bit. */
  yearsWith(bit: number, a: number, b: number): number[] {
    const out: number[] = [];
    for (let y = civilFromDays(a).year; y <= civilFromDays(b).year; y++) {
      const k = y - FIRST_YEAR;
      const src = this.yearSource[k];
      const hit =
        bit === COVER_PACKAGE ? src === Source.Package : bit === COVER_UNCOVERED ? src === Source.WeekendsOnly : this.yearProvisional[k] === 1;
      if (hit) out.push(y);
    }
    return out;
  }
}
