/**
 * Shanghai wall time (UTC+8, no daylight saving) for records, independent of the machine's zone:
 * every stored timestamp is normalised to `YYYY-MM-DDTHH:mm:ss+08:00`.
 */
import { RecordsError } from './errors.ts';

const OFFSET_MS = 8 * 3_600_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses an ISO 8601 time (with zone, or Shanghai local when none is given) to epoch ms, or null. */
export function tryParseTime(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const local = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  // Reject 2026-02-30 and the like: the date must survive the round trip.
  const back = new Date(local);
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1) return null;
  let offset = OFFSET_MS;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return local - offset;
}

/** Like tryParseTime, but a bad value is a located Chinese error naming the field. */
export function parseTime(text: string, field: string): number {
  const t = tryParseTime(text);
  if (t === null) throw new RecordsError('E-RECORD-TIME', `${field}：时间格式不正确：${JSON.stringify(text)}；应为 ISO 8601，例如 2026-11-23T09:30:00+08:00`);
  return t;
}

/** Epoch ms → `2026-11-23T09:30:00+08:00`. */
export function toIso(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + OFFSET_MS);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** Normalises any accepted time text to the stored form. */
export function normalizeTime(text: string, field: string): string {
  return toIso(parseTime(text, field));
}

/** The Shanghai calendar date `YYYY-MM-DD` of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai year of an instant. */
export function shanghaiYear(ms: number): number {
  return new Date(ms + OFFSET_MS).getUTCFullYear();
}

/** Midnight (Shanghai) at the start of a given calendar date, as epoch ms; month may overflow. */
export function shanghaiMidnight(year: number, month: number, day = 1): number {
  return Date.UTC(year, month - 1, day) - OFFSET_MS;
}
