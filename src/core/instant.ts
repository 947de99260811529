/**
 * The one parser of input instants (applications, CLI flags, query strings, scenario files,
 * records): ISO 8601 with or without seconds, with `Z` or an offset within ±14:00, or without a
 * zone meaning Asia/Shanghai. An impossible date or time is a located Chinese error, never a
 * silent rollover. Never uses the machine's zone.
 */
import type { ErrorCode } from './catalogue/index.ts';
import type { Location } from './location.ts';

export interface InstantOptions extends Location {
  /** The code to report, naming the kind of input (`E-APP-TIME`, `E-RECORD-TIME` …); default `E-TIME-INVALID`. */
  readonly code?: ErrorCode;
}

/** Epoch milliseconds of `text`; throws BianminError located by `options`. */
export function parseInstant(text: unknown, options: InstantOptions = {}): number {
  void text;
  void options;
  throw new Error('parseInstant: not yet implemented (contract)');
}

/** Epoch milliseconds, or null when `text` is not a real instant. */
export function tryParseInstant(text: unknown): number | null {
  void text;
  throw new Error('tryParseInstant: not yet implemented (contract)');
}
