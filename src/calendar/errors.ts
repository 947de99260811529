/**
 * Typed errors of the clock. Every message is Chinese and the location names the offending input
 * (`suspensions[1].to`, `acceptedAt`, a flag), so callers can show it as is or place it in their
 * own input (`query.suspend[1]`, `$.events[3]`).
 */
import { BianminError, renderMessage, type ErrorCode, type Location } from '../core/index.ts';

/** The catalogue's codes of the clock. */
export type ClockErrorCode = Extract<ErrorCode, `E-CLOCK-${string}`>;

export class ClockError extends BianminError {
  override name = 'ClockError';
  declare readonly code: ClockErrorCode;

  /** `path` is where in the input the problem is, e.g. `suspensions[1].to` (empty when not applicable). */
  constructor(code: ClockErrorCode, detail: string, path = '') {
    super(code, detail, path ? { path } : {});
  }

  /** An error whose message is the catalogue's template filled with `params`. */
  static override of(code: ClockErrorCode, params: Readonly<Record<string, string | number>> = {}, location: Location = {}): ClockError {
    return new ClockError(code, renderMessage(code, params), location.path ?? '');
  }
}
