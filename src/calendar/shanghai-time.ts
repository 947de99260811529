/**
 * Instants as epoch milliseconds, read and written in Asia/Shanghai (UTC+8 all year: China has had
 * no daylight saving since 1991). Only arithmetic on the fixed offset: never `Date`'s local-time
 * methods, so results cannot depend on the machine's TZ.
 */
import { daysFromCivil, daysInMonth, formatDate } from './civil-date.ts';
import { ClockError } from './errors.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Shanghai is UTC+8. */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** The Shanghai calendar day (days since 1970-01-01) an instant falls on. */
export function shanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of the Shanghai day an instant falls on. */
export function shanghaiDate(ms: number): string {
  return cachedDate(shanghaiDay(ms));
}

/** Milliseconds since Shanghai midnight. */
export function msOfShanghaiDay(ms: number): number {
  const local = ms + SHANGHAI_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant of Shanghai midnight starting a day. */
export function startOfShanghaiDay(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const EXAMPLE = '例如 2026-09-28T09:30:00+08:00';

/**
 * Parses an ISO 8601 date-time. Without an offset it is read as Shanghai local time; a bare date
 * `YYYY-MM-DD` means Shanghai midnight. `where` names the input (a flag or JSON path) in errors.
 */
export function parseInstant(text: string, where = ''): number {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const m = typeof text === 'string' ? ISO.exec(text.trim()) : null;
  if (!m) throw new ClockError('time-invalid', `时间 '${String(text)}' 无效，应为 ISO 8601 格式，${EXAMPLE}`, where);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new ClockError('time-invalid', `时间 '${text}' 不是真实存在的日期或时刻，${EXAMPLE}`, where);
  }
  let offset = SHANGHAI_OFFSET_MS;
  const zone = m[8];
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offset = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2) || 0);
      if (oh > 18 || om > 59) throw new ClockError('time-invalid', `时间 '${text}' 的时区偏移无效，${EXAMPLE}`, where);
      offset = (zone[0] === '-' ? -1 : 1) * (oh * HOUR_MS + om * MINUTE_MS);
    }
  }
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millis - offset;
}

/** The common case `YYYY-MM-DDTHH:MM:SS+08:00`, without a regular expression (hot path). */
function parseCanonical(t: string): number | null {
  if (typeof t !== 'string' || t.length !== 25) return null;
  // Separators: '-' 45, 'T' 84, ':' 58, '+' 43, '0' 48, '8' 56.
  if (
    t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58 ||
    t.charCodeAt(19) !== 43 || t.charCodeAt(20) !== 48 || t.charCodeAt(21) !== 56 || t.charCodeAt(22) !== 58 || t.charCodeAt(23) !== 48 || t.charCodeAt(24) !== 48
  ) {
    return null;
  }
  const y0 = t.charCodeAt(0) - 48, y1 = t.charCodeAt(1) - 48, y2 = t.charCodeAt(2) - 48, y3 = t.charCodeAt(3) - 48;
  const mo0 = t.charCodeAt(5) - 48, mo1 = t.charCodeAt(6) - 48, d0 = t.charCodeAt(8) - 48, d1 = t.charCodeAt(9) - 48;
  const h0 = t.charCodeAt(11) - 48, h1 = t.charCodeAt(12) - 48, mi0 = t.charCodeAt(14) - 48, mi1 = t.charCodeAt(15) - 48;
  const s0 = t.charCodeAt(17) - 48, s1 = t.charCodeAt(18) - 48;
  // A non-digit gives a value outside 0–9.
  if ((y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1) < 0) return null;
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || mi0 > 9 || mi1 > 9 || s0 > 9 || s1 > 9) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 - SHANGHAI_OFFSET_MS;
}

// Date strings are cached per day: formatting is on the hot path of deadline computations.
const DATE_CACHE_FIRST = daysFromCivil(1990, 1, 1);
const DATE_CACHE_SIZE = 60_000;
// Preallocated so the array stays in fast (non-dictionary) mode.
const dateCache = new Array<string | undefined>(DATE_CACHE_SIZE).fill(undefined);

/** `YYYY-MM-DD` of a day number, cached. */
export function cachedDate(day: number): string {
  const i = day - DATE_CACHE_FIRST;
  if (i < 0 || i >= DATE_CACHE_SIZE) return formatDate(day);
  return (dateCache[i] ??= formatDate(day));
}

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

// `T08:30:00+08:00` per minute of the day: deadlines mostly fall on whole minutes.
const minuteSuffix = new Array<string | undefined>(1440).fill(undefined);

/** ISO 8601 in Shanghai time: `2026-12-04T17:30:00+08:00` (milliseconds only when non-zero). */
export function formatInstant(ms: number): string {
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const rest = local - day * DAY_MS;
  if (rest % MINUTE_MS === 0) {
    const minute = rest / MINUTE_MS;
    return cachedDate(day) + (minuteSuffix[minute] ??= `T${TWO[Math.floor(minute / 60)]}:${TWO[minute % 60]}:00+08:00`);
  }
  const h = Math.floor(rest / HOUR_MS);
  const m = Math.floor((rest - h * HOUR_MS) / MINUTE_MS);
  const sm = rest - h * HOUR_MS - m * MINUTE_MS;
  const s = Math.floor(sm / 1000);
  const milli = sm - s * 1000;
  const frac = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${cachedDate(day)}T${TWO[h]}:${TWO[m]}:${TWO[s]}${frac}+08:00`;
}

/**
 * True when `text`, already accepted by parseInstant, is exactly how formatInstant writes its
 * instant (`YYYY-MM-DDTHH:MM:SS+08:00`), so callers may reuse it instead of formatting again.
 */
export function isCanonicalInstant(text: string): boolean {
  return text.length === 25 && text.charCodeAt(10) === 84 && text.endsWith('+08:00');
}

/** `2026-12-04 17:30` for people. */
export function formatInstantShort(ms: number): string {
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const rest = local - day * DAY_MS;
  const h = Math.floor(rest / HOUR_MS);
  const m = Math.floor((rest - h * HOUR_MS) / MINUTE_MS);
  return `${cachedDate(day)} ${TWO[h]}:${TWO[m]}`;
}
