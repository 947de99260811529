/**
 * The one error type of the records module: a catalogue code, a Chinese message, and where the
 * problem is (data file, line and JSON path) when it concerns stored data; every located problem
 * in its details when there are several (a damaged data directory).
 */
import { BianminError, renderMessage, type ErrorCode, type Location } from '../core/index.ts';

export class RecordsError extends BianminError {
  override name = 'RecordsError';

  /** An error whose message is the catalogue's template filled with `params`. */
  static override of(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, location: Location = {}): RecordsError {
    return new RecordsError(code, renderMessage(code, params), location);
  }
}
