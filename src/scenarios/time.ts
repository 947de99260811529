/**
 * Times as officers write them in scenarios: `2026-11-23 09:30` (Beijing time) or full ISO 8601,
 * read by the one parser in core and normalised to the canonical `2026-11-23T09:30:00+08:00` the
 * engine and clock use. Expected due dates may be a bare date, compared by day.
 */
import { formatInstant, shanghaiDate } from '../calendar/index.ts';
import { BianminError, parseInstant, tryParseDate, tryParseInstant } from '../core/index.ts';

/** The canonical instant of a time written in a scenario, or the parser's Chinese reason why it is none. */
export function scenarioTime(text: string): { readonly time: string } | { readonly problem: string } {
  try {
    return { time: formatInstant(parseInstant(text, { code: 'E-SCENARIO-TIME' })) };
  } catch (err) {
    if (err instanceof BianminError) return { problem: err.detail };
    throw err;
  }
}

export function isBareDate(text: string): boolean {
  return tryParseDate(text.trim()) !== null;
}

/** Whether an actual instant matches an expected date (by Shanghai day) or time (to the minute). */
export function sameDue(expected: string, actual: string): boolean {
  const a = parseInstant(actual);
  if (isBareDate(expected)) return shanghaiDate(a) === expected.trim();
  const e = tryParseInstant(expected);
  return e !== null && Math.floor(e / 60_000) === Math.floor(a / 60_000);
}

/** `2026-12-07 17:30` for reports. */
export function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** Epoch ms of a time the loader has already checked (canonical or as written). */
export function epoch(iso: string): number {
  return parseInstant(iso, { code: 'E-SCENARIO-TIME' });
}
