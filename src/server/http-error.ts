/**
 * The one error shape every client sees: `{ "error": { "code", "message", "path" } }`. Thrown by
 * handlers and hooks; the error handler turns it into the response unchanged.
 */
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

export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly statusCode: number;
  readonly body: ErrorBody;

  constructor(statusCode: number, body: ErrorBody) {
    super(body.message);
    this.statusCode = statusCode;
    // code, message, path first, whatever order the caller built it in.
    const { code, message, path, ...rest } = body;
    this.body = { code, message, path, ...rest };
  }
}

export function badRequest(code: string, message: string, path = '$'): HttpError {
  return new HttpError(400, { code, message, path });
}

export function notFound(code: string, message: string, path = '$'): HttpError {
  return new HttpError(404, { code, message, path });
}
