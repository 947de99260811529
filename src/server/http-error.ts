/**
 * The one error shape every client sees: `{ "error": { "code", "message", "path", details?,
 * suggestions?, errors? } }`, built from any BianminError, with the HTTP status its code has in
 * the catalogue. HttpError is the service's own: an error located in the request.
 */
import { BianminError, renderMessage, type ErrorCode, type Location, type Problem } from '../core/index.ts';
import { ApplicationError } from '../engine/index.ts';

export interface ErrorBody {
  readonly code: string;
  /** Chinese, for the person reading the client's logs or screen. */
  readonly message: string;
  /** Where in the request the problem is: `$.materials[2].copies` (body), `query.month`, `params.code`, `header.authorization`; `$` for the request as a whole. */
  readonly path: string;
  /** Every problem when there are several (the first is repeated above). */
  readonly details?: readonly { readonly code: string; readonly message: string; readonly path: string }[];
  /** For an unknown item: where the query most likely belongs (首问负责: point the way). */
  readonly suggestions?: readonly unknown[];
  /** For an invalid pack (readyz): the located diagnostics. */
  readonly errors?: readonly unknown[];
}

/** What an HttpError may carry beyond the common shape. */
export interface HttpErrorContext {
  /** Every problem when there are several (the first is this error's own). */
  readonly details?: readonly Problem[];
  /** Where an unknown item most likely belongs. */
  readonly suggestions?: readonly unknown[];
  /** The pack's located diagnostics (readyz). */
  readonly errors?: readonly unknown[];
}

/** An error located in the request (`query.month`, `header.authorization`, `$.staff`); its status is its code's. */
export class HttpError extends BianminError {
  override name = 'HttpError';
  readonly suggestions: readonly unknown[];
  readonly errors: readonly unknown[];

  constructor(code: ErrorCode, detail: string, path = '$', context: HttpErrorContext = {}) {
    super(code, detail, { path }, context.details ?? []);
    this.suggestions = context.suggestions ?? [];
    this.errors = context.errors ?? [];
  }

  /** An error whose message is the catalogue's template filled with `params`. */
  static override of(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, location: Location = {}): HttpError {
    return new HttpError(code, renderMessage(code, params), location.path ?? '$');
  }
}

/**
 * The body of any BianminError. Problems of the store and internal ones are the operator's: their
 * locations are data files and paths inside them, never part of the request, so they stay out.
 */
export function errorBody(err: BianminError): ErrorBody {
  const inRequest = err.kind !== 'store' && err.kind !== 'internal';
  const details = inRequest && err.details.length > 1 ? err.details.map((p) => ({ code: p.code, message: p.message, path: p.path ?? '$' })) : [];
  const suggestions = err instanceof HttpError || err instanceof ApplicationError ? err.suggestions : [];
  const errors = err instanceof HttpError ? err.errors : [];
  return {
    code: err.code,
    message: err.detail,
    path: inRequest ? (err.location.path ?? '$') : '$',
    ...(details.length > 0 ? { details } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}
