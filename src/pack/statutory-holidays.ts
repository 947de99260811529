/**
 * The statutory holidays of 《全国年节及纪念日放假办法》(2024年11月修订，2025年1月1日起施行),
 * 第二条 (全体公民放假的节日): 元旦 1月1日；春节 农历除夕、正月初一至初三；清明节 清明节气当日；
 * 劳动节 5月1日、2日；端午节 农历五月初五；中秋节 农历八月十五；国庆节 10月1日至3日. Only these
 * days: the State Council's 调休 and the 补假 of 第六条 are decided each year by notice.
 * Used by the calendar for years nobody declares (src/calendar/statutory.ts) and by `bianmin init`
 * for the pre-arranged next year (scaffold.ts).
 *
 * Lunar dates and the 清明 term come from the maintained `chinese-days` package. Its conversions
 * read and write dates in the machine's zone (a day early west of Greenwich); so a lunar date is
 * taken from `getSolarDateFromLunar` only as a guess and confirmed with `getLunarDate` (pure day
 * arithmetic on a `YYYY-MM-DD` string, zone-independent), and the 清明 date of `getSolarTermDate`
 * is read back through the same local formatting the package applied.
 */
import chineseDaysLib from 'chinese-days';
import { daysFromCivil, formatDate } from '../core/index.ts';

/** The first year the 2024 revision governs: earlier years had other statutory days. */
export const STATUTORY_FROM = 2025;

/** One statutory holiday of a year: its name and its days, `YYYY-MM-DD`, in order. */
export interface StatutoryHoliday {
  readonly name: string;
  readonly days: readonly string[];
}

const { getLunarDate, getSolarDateFromLunar, getSolarTermDate } = chineseDaysLib;

/** The solar date of lunar month/day (not a leap month) of lunar year `year`, as days since 1970. */
function lunarToDay(year: number, month: number, day: number): number {
  const guess = getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
  const g = parseDay(guess);
  // The guess is off by at most a day in a zone west of Greenwich; confirm it.
  for (const d of [g, g + 1, g - 1, g + 2, g - 2]) {
    const l = getLunarDate(formatDate(d));
    if (l.lunarYear === year && l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  throw new Error(`chinese-days 无法换算农历 ${year} 年 ${month} 月 ${day} 日`);
}

/** 清明: the package computes the day of April, then formats its UTC midnight in the local zone. */
function qingming(year: number): number {
  const shown = parseDay(getSolarTermDate(year, 4, 'pure_brightness'));
  for (const d of [shown, shown + 1]) {
    const utc = new Date(d * 86_400_000);
    const local = daysFromCivil(utc.getFullYear(), utc.getMonth() + 1, utc.getDate());
    if (local === shown) return d;
  }
  return shown;
}

const cache = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The statutory holidays of `year` under the 2024 revision (whatever the year: tests compare
 * them with the official schedules of the years the package knows).
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const span = (first: number, n: number): string[] => Array.from({ length: n }, (_, i) => formatDate(first + i));
  // 除夕 is the last day of the 12th lunar month (廿九 or 三十): the day before 正月初一.
  const newYear = lunarToDay(year, 1, 1);
  const out: StatutoryHoliday[] = [
    { name: '元旦', days: span(daysFromCivil(year, 1, 1), 1) },
    { name: '春节', days: span(newYear - 1, 4) },
    { name: '清明节', days: span(qingming(year), 1) },
    { name: '劳动节', days: span(daysFromCivil(year, 5, 1), 2) },
    { name: '端午节', days: span(lunarToDay(year, 5, 5), 1) },
    { name: '中秋节', days: span(lunarToDay(year, 8, 15), 1) },
    { name: '国庆节', days: span(daysFromCivil(year, 10, 1), 3) },
  ];
  const frozen = Object.freeze(out.map((h) => Object.freeze({ name: h.name, days: Object.freeze(h.days) })));
  cache.set(year, frozen);
  return frozen;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (!m) throw new Error(`chinese-days 返回的日期 '${date}' 无法识别`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}
