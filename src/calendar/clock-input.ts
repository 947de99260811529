/**
 * The clock's input times and dates (`acceptedAt`, `suspensions[1].to`, a declared holiday …),
 * read by the one parser in core: ISO 8601 with or without seconds, `Z` or an offset within
 * ±14:00, no zone meaning Shanghai, a bare date meaning Shanghai midnight. `where` names the input
 * in the error.
 */
import { BianminError, parseDate, parseInstant, tryParseInstant, type InstantOptions } from '../core/index.ts';
import { ClockError } from './errors.ts';

/** Epoch milliseconds of a clock input instant. */
export function clockInstant(text: string, where = ''): number {
  // Hot path (every deadline): no options object, no try frame unless the text is bad.
  const ms = tryParseInstant(text);
  if (ms !== null) return ms;
  try {
    return parseInstant(text, optionsOf(where));
  } catch (err) {
    throw asClockError(err, where);
  }
}

/** Days since 1970-01-01 of a clock input date `YYYY-MM-DD`. */
export function clockDate(text: string, where = ''): number {
  try {
    return parseDate(text, optionsOf(where));
  } catch (err) {
    throw asClockError(err, where);
  }
}

function optionsOf(where: string): InstantOptions {
  return where ? { code: 'E-CLOCK-TIME-INVALID', path: where } : { code: 'E-CLOCK-TIME-INVALID' };
}

/** The parser's error as the ClockError the clock's callers catch (sweeps, records, the server's 400s). */
function asClockError(err: unknown, where: string): unknown {
  return err instanceof BianminError ? new ClockError('E-CLOCK-TIME-INVALID', err.detail, where) : err;
}
