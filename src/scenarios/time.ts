/**
 * Times as officers write them in scenarios: `2026-11-23 09:30` (Beijing time) or full ISO 8601,
 * normalised to the canonical `2026-11-23T09:30:00+08:00` the engine and clock use. Expected due
 * dates may be a bare date, compared by day.
 */
import { formatInstant, parseInstant, shanghaiDate } from '../calendar/index.ts';
import { ClockError } from '../calendar/index.ts';

/** Canonical instant, or null when the text is not a real date and time. */
export function canonicalTime(text: string): string | null {
  try {
    return formatInstant(parseInstant(text));
  } catch (e) {
    if (e instanceof ClockError) return null;
    throw e;
  }
}

export function isBareDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

/** Whether an actual instant matches an expected date (by Shanghai day) or time (to the minute). */
export function sameDue(expected: string, actual: string): boolean {
  const a = parseInstant(actual);
  if (isBareDate(expected)) return shanghaiDate(a) === expected.trim();
  const e = canonicalTime(expected);
  return e !== null && Math.floor(parseInstant(e) / 60_000) === Math.floor(a / 60_000);
}

/** `2026-12-07 17:30` for reports. */
export function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

export function epoch(iso: string): number {
  return parseInstant(iso);
}
