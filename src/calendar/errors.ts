/**
 * Typed errors of the clock. Every message is Chinese and names the offending input (a JSON path
 * such as `suspensions[1].to`, or a flag), so callers can show it as is.
 */
export type ClockErrorCode =
  /** A time or date string that is not ISO 8601. */
  | 'time-invalid'
  /** A date outside the precomputed day index (2000-01-01 … 2100-12-31). */
  | 'date-out-of-range'
  /** A suspension whose end is before its start. */
  | 'suspension-invalid'
  /** Office hours that are not in order, overlap, or end before they start. */
  | 'office-hours-invalid'
  /** An extension on an item that declares no extension. */
  | 'extension-not-allowed'
  /** An extension without approver or approval time. */
  | 'extension-unapproved'
  /** Extensions adding up to more than the item's declared maximum. */
  | 'extension-exceeds-max'
  /** An extension in a unit different from the limit it extends. */
  | 'extension-unit-mismatch'
  /** A duration that is negative or not a whole number. */
  | 'duration-invalid'
  /** A deadline asked for an item code the pack does not have. */
  | 'item-unknown';

export class ClockError extends Error {
  override readonly name = 'ClockError';
  readonly code: ClockErrorCode;
  /** Where in the input the problem is, e.g. `suspensions[1].to` (empty when not applicable). */
  readonly path: string;

  constructor(code: ClockErrorCode, message: string, path = '') {
    super(path ? `${path}：${message}` : message);
    this.code = code;
    this.path = path;
  }
}
