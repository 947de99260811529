import { BianminError, type ErrorCode } from '../core/index.ts';

/** The usage codes of the catalogue (`E-USAGE-…`): a wrong command line, exit code 2. */
export type UsageCode = Extract<ErrorCode, `E-USAGE-${string}`>;

/** A wrong command line: an option, an argument, a command or a file named on it. */
export class UsageError extends BianminError {
  override name = 'UsageError';

  constructor(code: UsageCode, detail: string) {
    super(code, detail);
  }
}
