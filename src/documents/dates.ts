import { DocumentError } from './errors.ts';

/** China Standard Time: UTC+8 all year (no daylight saving), whatever the machine's zone. */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;
// ISO 8601 date-time; a value without a zone is Beijing time by the project's convention.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
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

/** Wall-clock fields in Asia/Shanghai of an instant. */
export function shanghaiOf(instant: Date): ShanghaiTime {
  const t = new Date(instant.getTime() + OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), weekday: t.getUTCDay() };
}

/**
 * Parses `YYYY-MM-DD` (a Beijing calendar date) or an ISO 8601 date-time (with a zone, or Beijing
 * time without one) into Beijing wall-clock fields. Anything else is an error, never a guess.
 */
export function parseShanghai(value: string): ShanghaiTime {
  const d = DATE_ONLY.exec(value);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const t = new Date(Date.UTC(y, m - 1, day));
    if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== day) throw invalid(value);
    return { year: y, month: m, day, hour: 0, minute: 0, weekday: t.getUTCDay() };
  }
  const dt = DATE_TIME.exec(value);
  if (!dt) throw invalid(value);
  const [y, mo, day, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(dt[i] ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 60) throw invalid(value);
  const zone = dt[7];
  let offsetMs = OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const utc = Date.UTC(y, mo - 1, day, h, mi, s) - offsetMs;
  const check = new Date(Date.UTC(y, mo - 1, day));
  if (check.getUTCDate() !== day) throw invalid(value);
  return shanghaiOf(new Date(utc));
}

function invalid(value: string): DocumentError {
  return new DocumentError(`无法识别的日期或时间 ${JSON.stringify(value)}：应为 2026-11-21 或 2026-11-21T09:30:00+08:00 的格式`);
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
