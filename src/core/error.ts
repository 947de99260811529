/**
 * The one error shape: `{ code, message, location, details }`. Every thrown error is a
 * BianminError (or a subclass adding context, such as PackLoadError's warnings); every diagnostic
 * and every HTTP error body is a Problem. Status and exit code come from the catalogue, never
 * from how a code is spelled.
 */
import { catalogueEntry, renderMessage, type ErrorCode, type ErrorKind } from './catalogue/index.ts';
import { formatWhere, type Location } from './location.ts';

/** One located problem: a diagnostic of the validator, an issue in an application, a detail of an error. */
export interface Problem extends Location {
  readonly code: ErrorCode;
  /** Chinese, without the location (which the fields carry). */
  readonly message: string;
}

/** `items/mz-001.yaml:12:5 $.mode：…` — where first, then the JSON path, then the message. */
export function formatProblem(p: Problem, options: { readonly baseDir?: string; readonly withCode?: boolean } = {}): string {
  const where = formatWhere(p, options.baseDir);
  const code = options.withCode ? `[${p.code}] ` : '';
  const path = p.path && p.path !== '$' ? `${p.path}：` : '';
  return `${where ? `${where} ` : ''}${code}${path}${p.message}`;
}

export class BianminError extends Error {
  override name = 'BianminError';
  readonly code: ErrorCode;
  /** The message without the location prefix. */
  readonly detail: string;
  readonly location: Location;
  /** Every problem when there are several (the first is this error's own); never empty. */
  readonly details: readonly Problem[];

  /**
   * `detail` is the Chinese message (use `renderMessage(code, params)` or `BianminError.of` for
   * the catalogue's template); `Error.message` is the located one-line form for logs and the CLI.
   */
  constructor(code: ErrorCode, detail: string, location: Location = {}, details: readonly Problem[] = []) {
    super(formatProblem({ code, message: detail, ...location }));
    this.code = code;
    this.detail = detail;
    this.location = location;
    this.details = details.length > 0 ? details : [{ code, message: detail, ...location }];
  }

  /** An error whose message is the catalogue's template filled with `params`. */
  static of(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, location: Location = {}): BianminError {
    return new BianminError(code, renderMessage(code, params), location);
  }

  get kind(): ErrorKind {
    return catalogueEntry(this.code).kind;
  }

  /** HTTP status from the catalogue. */
  get status(): number {
    return catalogueEntry(this.code).status;
  }

  /** CLI exit code from the catalogue. */
  get exitCode(): number {
    return catalogueEntry(this.code).exit;
  }

  toProblem(): Problem {
    return { code: this.code, message: this.detail, ...this.location };
  }
}
