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

/**
 * The solar date of lunar month/day (not a leap month) of lunar year `year`, as days since 1970;
 * null where the package's lunar data does not reach (before 1900, after 2100) or has a gap.
 */
function lunarToDay(year: number, month: number, day: number): number | null {
  const guess = getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
  const g = parseDay(guess);
  if (g === null) return null;
  // The guess is off by at most a day in a zone west of Greenwich; confirm it.
  for (const d of [g, g + 1, g - 1, g + 2, g - 2]) {
    const l = getLunarDate(formatDate(d));
    if (l.lunarYear === year && l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  return null;
}

/** 清明: the package computes the day of April, then formats its UTC midnight in the local zone. */
function qingming(year: number): number | null {
  const shown = parseDay(getSolarTermDate(year, 4, 'pure_brightness'));
  if (shown === null) return null;
  for (const d of [shown, shown + 1]) {
    const utc = new Date(d * 86_400_000);
    const local = daysFromCivil(utc.getFullYear(), utc.getMonth() + 1, utc.getDate());
    if (local === shown) return d;
  }
  return shown;
}

const cache = new Map<number, readonly StatutoryHoliday[] | null>();

/**
 * The statutory holidays of `year` under the 2024 revision (whatever the year: tests compare
 * them with the official schedules of the years the package knows). Null when the package's lunar
 * data cannot place the lunar festivals of that year (outside 1900–2100, or a gap in the data):
 * never an exception, since the calendar computes this for every year while a pack loads. The
 * calendar then counts that year by weekends only, with its `calendar-uncovered` warning.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] | null {
  if (cache.has(year)) return cache.get(year)!;
  const computed = compute(year);
  const frozen = computed && Object.freeze(computed.map((h) => Object.freeze({ name: h.name, days: Object.freeze(h.days) })));
  cache.set(year, frozen);
  return frozen;
}

function compute(year: number): StatutoryHoliday[] | null {
  let newYear: number | null, qm: number | null, duanwu: number | null, zhongqiu: number | null;
  try {
    // 除夕 is the last day of the 12th lunar month (廿九 or 三十): the day before 正月初一.
    newYear = lunarToDay(year, 1, 1);
    qm = qingming(year);
    duanwu = lunarToDay(year, 5, 5);
    zhongqiu = lunarToDay(year, 8, 15);
  } catch {
    // The package refusing a year it has no data for is the same gap.
    return null;
  }
  if (newYear === null || qm === null || duanwu === null || zhongqiu === null) return null;
  const span = (first: number, n: number): string[] => Array.from({ length: n }, (_, i) => formatDate(first + i));
  return [
    { name: '元旦', days: span(daysFromCivil(year, 1, 1), 1) },
    { name: '春节', days: span(newYear - 1, 4) },
    { name: '清明节', days: span(qm, 1) },
    { name: '劳动节', days: span(daysFromCivil(year, 5, 1), 2) },
    { name: '端午节', days: span(duanwu, 1) },
    { name: '中秋节', days: span(zhongqiu, 1) },
    { name: '国庆节', days: span(daysFromCivil(year, 10, 1), 3) },
  ];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A `YYYY-M-D` date the package returned, as days since 1970; null for anything else. */
function parseDay(date: unknown): number | null {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date) : null;
  if (!m) return null;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}
