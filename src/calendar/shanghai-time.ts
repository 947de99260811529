/**
 * Instants as epoch milliseconds, written in Asia/Shanghai (UTC+8 all year: China has had no
 * daylight saving since 1991); read by the one parser in core (see clock-input.ts). Only
 * arithmetic on the fixed offset: never `Date`'s local-time methods, so results cannot depend on
 * the machine's TZ.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SHANGHAI_OFFSET_MS, daysFromCivil, formatDate } from '../core/index.ts';

export { DAY_MS, HOUR_MS, MINUTE_MS, SHANGHAI_OFFSET_MS };

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
 * True when `text`, already accepted by the parser, is exactly how formatInstant writes its
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
