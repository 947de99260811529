import { BianminError, DAY_MS, HOUR_MS, MINUTE_MS, SHANGHAI_OFFSET_MS, civilFromDays, parseDate, parseInstant, weekdayOf } from '../core/index.ts';
import { DocumentError } from './errors.ts';

const MONTH_ONLY = /^(\d{4})-(\d{2})$/;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export interface ShanghaiTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

/** Wall-clock fields in Asia/Shanghai (UTC+8 all year) of an instant, whatever the machine's zone. */
export function shanghaiOf(instant: Date): ShanghaiTime {
  return fieldsOf(instant.getTime());
}

function fieldsOf(ms: number): ShanghaiTime {
  const local = ms + SHANGHAI_OFFSET_MS;
  const days = Math.floor(local / DAY_MS);
  const rest = local - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  return { year, month, day, hour: Math.floor(rest / HOUR_MS), minute: Math.floor((rest % HOUR_MS) / MINUTE_MS), weekday: weekdayOf(days) };
}

/**
 * Reads `YYYY-MM-DD` (a Beijing calendar date) or an ISO 8601 date-time (with a zone, or Beijing
 * time without one) with the one parser in core, into Beijing wall-clock fields. Anything else is
 * an error, never a guess.
 */
export function parseShanghai(value: string): ShanghaiTime {
  try {
    return fieldsOf(parseInstant(value, { code: 'E-DOC-DATA' }));
  } catch (err) {
    // The renderers' callers catch DocumentError.
    if (err instanceof BianminError) throw new DocumentError('E-DOC-DATA', `无法识别的日期或时间：${err.detail}`);
    throw err;
  }
}

/** A document's date `YYYY-MM-DD`, read by the one date parser in core: 2026-02-30 is an error, never 2 March. */
export function checkedDate(date: string): string {
  try {
    parseDate(date, { code: 'E-DOC-DATA' });
  } catch (err) {
    if (err instanceof BianminError) throw new DocumentError('E-DOC-DATA', err.detail);
    throw err;
  }
  return date;
}

/** `2026-11-21` or an ISO date-time → `2026年11月21日` (the Beijing date). */
export function chineseDate(value: string): string {
  const t = parseShanghai(value);
  return `${t.year}年${t.month}月${t.day}日`;
}

/** ISO date-time → `2026年11月21日 09:30` (Beijing time). */
export function chineseDateTime(value: string): string {
  const t = parseShanghai(value);
  return `${t.year}年${t.month}月${t.day}日 ${pad(t.hour)}:${pad(t.minute)}`;
}

/** `2026-12` → `2026年12月`. */
export function chineseMonth(value: string): string {
  const m = MONTH_ONLY.exec(value);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${Number(m[1])}年${Number(m[2])}月`;
  const t = parseShanghai(value);
  return `${t.year}年${t.month}月`;
}

/** `2026-11-23` → `星期一`. */
export function chineseWeekday(value: string): string {
  return WEEKDAYS[parseShanghai(value).weekday]!;
}

/** Today's date in Beijing as `YYYY-MM-DD`. */
export function shanghaiDate(now: Date = new Date()): string {
  const t = shanghaiOf(now);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** The Beijing calendar date (`YYYY-MM-DD`) of a date or date-time string. */
export function dateOf(value: string): string {
  const t = parseShanghai(value);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
