/**
 * Receipt times as the engine reads them. The application schema has already checked the RFC 3339
 * shape (with a zone); this only turns it into epoch milliseconds. Writing instants and Shanghai
 * dates is the clock's (src/calendar/), so decisions and deadlines print times the same way.
 */
export { formatInstant as formatShanghai, shanghaiDate } from '../calendar/index.ts';

/** Epoch ms of an RFC 3339 date-time, or null if it is not a real instant (e.g. a leap second). */
export function parseInstant(text: string): number | null {
  // RFC 3339 allows an hour-only offset (`+08`); Date.parse does not.
  const ms = Date.parse(/[+-]\d\d$/.test(text) ? `${text}:00` : text);
  return Number.isFinite(ms) ? ms : null;
}
