/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The input is invalid (pack errors, failed scenarios …). */
  invalid: 1,
  /** The command line itself is wrong, or a test file is broken. */
  usage: 2,
  internal: 3,
} as const;

/** A usage error: printed in Chinese and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
