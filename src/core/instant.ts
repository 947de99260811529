/**
 * The one parser of input instants (applications, CLI flags, query strings, scenario files,
 * records) and of input dates (`?date=`, `--date`): ISO 8601 with or without seconds, with `Z` or
 * an offset within ±14:00, or without a zone meaning Asia/Shanghai. An impossible date or time is
 * a located Chinese error, never a silent rollover. Pure arithmetic: never the machine's zone.
 */
import { renderMessage, type ErrorCode } from './catalogue/index.ts';
import { daysFromCivil, daysInMonth } from './civil-date.ts';
import { BianminError } from './error.ts';
import type { Location } from './location.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Shanghai is UTC+8 all year: China has had no daylight saving since 1991. */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export interface InstantOptions extends Location {
  /** The code to report, naming the kind of input (`E-APP-TIME`, `E-RECORD-TIME` …); default `E-TIME-INVALID`. */
  readonly code?: ErrorCode;
}

const EXAMPLE_INSTANT = '2026-09-28T09:30:00+08:00';
const EXAMPLE_DATE = '2026-10-08';
const MAX_OFFSET_MINUTES = 14 * 60;

// Date, then optionally a time (seconds and fraction optional) and a zone; the zone only after a time.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of `text`; throws BianminError with the caller's code, located by `options`. */
export function parseInstant(text: unknown, options: InstantOptions = {}): number {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const r = readInstant(text);
  if (typeof r === 'number') return r;
  throw invalid('时间', text, r, EXAMPLE_INSTANT, options);
}

/** Epoch milliseconds, or null when `text` is not a real instant. */
export function tryParseInstant(text: unknown): number | null {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const r = readInstant(text);
  return typeof r === 'number' ? r : null;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date; throws like parseInstant. */
export function parseDate(text: unknown, options: InstantOptions = {}): number {
  const r = readDate(text);
  if (typeof r === 'number') return r;
  throw invalid('日期', text, r, EXAMPLE_DATE, options);
}

/** Days since 1970-01-01, or null when `text` is not a real `YYYY-MM-DD` date. */
export function tryParseDate(text: unknown): number | null {
  const r = readDate(text);
  return typeof r === 'number' ? r : null;
}

/**
 * The Chinese message parseInstant would give for `text`, or null when it is a real instant: for
 * messages worded elsewhere (ajv's `date-time` format, which is this parser).
 */
export function instantProblem(text: unknown): string | null {
  if (parseCanonical(text) !== null) return null;
  const r = readInstant(text);
  return typeof r === 'number' ? null : message('时间', text, r, EXAMPLE_INSTANT);
}

/** Like instantProblem, for a `YYYY-MM-DD` date (ajv's `date` format). */
export function dateProblem(text: unknown): string | null {
  const r = readDate(text);
  return typeof r === 'number' ? null : message('日期', text, r, EXAMPLE_DATE);
}

/** A Reason is the Chinese explanation of why a text is not an instant or date. */
type Reason = string;

function readInstant(text: unknown): number | Reason {
  if (typeof text !== 'string') return notText(text);
  const m = ISO.exec(text.trim());
  if (!m) return '无效，应为 ISO 8601 格式 YYYY-MM-DDTHH:MM[:SS]，可带 Z 或 ±HH:MM 时区（不带时区即北京时间）';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const bad = checkDate(year, month, day) ?? checkTime(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  if (bad !== null) return bad;
  let offsetMinutes = 8 * 60;
  if (m[8] !== undefined) offsetMinutes = 0;
  else if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11] ?? 0);
    const total = oh * 60 + om;
    if (om > 59 || total > MAX_OFFSET_MINUTES) return `的时区偏移 ${m[9]}${m[10]}:${m[11] ?? '00'} 无效，应在 -14:00 到 +14:00 之间`;
    offsetMinutes = m[9] === '-' ? -total : total;
  }
  // Fractions beyond milliseconds are cut, not rounded, so an instant never moves into the next second.
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  const local = daysFromCivil(year, month, day) * DAY_MS + Number(m[4] ?? 0) * HOUR_MS + Number(m[5] ?? 0) * MINUTE_MS + Number(m[6] ?? 0) * 1000 + millis;
  return local - offsetMinutes * MINUTE_MS;
}

function readDate(text: unknown): number | Reason {
  if (typeof text !== 'string') return notText(text);
  // Not trimmed: callers use the date text as given (a file name, a query), so it must be exact.
  const m = DATE.exec(text);
  if (!m) return '无效，应为 YYYY-MM-DD 格式的日期';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return checkDate(year, month, day) ?? daysFromCivil(year, month, day);
}

function checkDate(year: number, month: number, day: number): Reason | null {
  if (month < 1 || month > 12) return '不是真实存在的日期：月份应为 01–12';
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `不是真实存在的日期：${year} 年 ${month} 月只有 ${last} 天`;
  return null;
}

function checkTime(hour: number, minute: number, second: number): Reason | null {
  if (hour > 23) return '不是真实存在的时刻：小时应为 00–23';
  if (minute > 59) return '不是真实存在的时刻：分钟应为 00–59';
  if (second > 59) return '不是真实存在的时刻：秒应为 00–59';
  return null;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { number: '数字', boolean: 'true/false', object: '对象', bigint: '数字' };

function notText(value: unknown): Reason {
  if (value === undefined || value === null) return '为空，应为 ISO 8601 格式的文字';
  return `应为 ISO 8601 格式的文字，实际是${Array.isArray(value) ? '列表' : (TYPE_NAMES[typeof value] ?? typeof value)}`;
}

function invalid(what: string, text: unknown, reason: Reason, example: string, options: InstantOptions): BianminError {
  const { code = 'E-TIME-INVALID', file, line, column, path } = options;
  const location: Location = {
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(path !== undefined ? { path } : {}),
  };
  return new BianminError(code, message(what, text, reason, example), location);
}

function message(what: string, text: unknown, reason: Reason, example: string): string {
  return renderMessage('E-TIME-INVALID', { what, value: shown(text), reason, example });
}

/** The value as quoted in a message: long input (a fuzzer's, a pasted document) is cut. */
function shown(text: unknown): string {
  if (text === undefined || text === null) return '';
  const s = typeof text === 'string' ? text : (JSON.stringify(text) ?? String(text));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

// The last canonical text read and its instant: ajv's date-time format reads an application's
// receipt time, and the engine then reads the same text again for its value.
let lastText = '';
let lastMs = 0;

/** The common case `YYYY-MM-DDTHH:MM:SS+08:00`, without a regular expression (the decision bench's hot path). */
function parseCanonical(t: unknown): number | null {
  if (typeof t !== 'string' || t.length !== 25) return null;
  if (t === lastText) return lastMs;
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
  // Out of range: the general path below says why.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  lastMs = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 - SHANGHAI_OFFSET_MS;
  lastText = t;
  return lastMs;
}
