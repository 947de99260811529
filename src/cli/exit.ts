/**
 * Exit codes of the commands' own outcomes. An error's exit code comes from the catalogue
 * (`BianminError.exitCode`); these are for results that are not errors, such as a failed scenario.
 */
export const EXIT = {
  ok: 0,
  /** The input is invalid (pack errors, failed scenarios …). */
  invalid: 1,
  /** The command line itself is wrong, or a test file is broken. */
  usage: 2,
  internal: 3,
} as const;
