/**
 * Time and date flags (`--at`, `--accepted-at`, `--received-at`, `--date`), read by the one parser
 * in core: ISO 8601 with or without seconds, `Z` or an offset within ±14:00, no zone meaning
 * Beijing time. A bad value is a usage error naming the flag, before anything is opened or written.
 */
import { BianminError, parseDate, parseInstant } from '../core/index.ts';
import { UsageError } from './usage-error.ts';

/** Epoch ms of a time flag's value. */
export function instantFlag(value: string, flag: string): number {
  return asUsage(() => parseInstant(value, { path: flag }));
}

/** Days since 1970-01-01 of a date flag's value (`YYYY-MM-DD`). */
export function dateFlag(value: string, flag: string): number {
  return asUsage(() => parseDate(value, { path: flag }));
}

function asUsage(parse: () => number): number {
  try {
    return parse();
  } catch (err) {
    // The message is already located: `--at：时间 '…' 不是真实存在的日期：…`.
    if (err instanceof BianminError) throw new UsageError('E-USAGE-OPTION', err.message);
    throw err;
  }
}
