/** The records' typed errors (RecordsError) as located 4xx answers; store failures are the service's (503). */
import { RecordsError } from '../records/index.ts';
import { HttpError } from './http-error.ts';

/** Codes that mean "this cannot be done in the record's current state" (E-RECORD-INVALID: events out of order). */
const CONFLICTS = new Set(['E-COMPLAINT-VERIFIED', 'E-COMPLAINT-REPLIED', 'E-REVIEW-DONE', 'E-RECORD-INVALID']);

/**
 * The records locate problems in their own input (`$.target.staff`, `verification.handler`); the
 * request body mirrors that input, so the path carries over, through `rewrite` where the body is
 * only part of it (the verification route's body is the `verification` object).
 */
export function recordsErrorToHttp(err: RecordsError, rewrite: (path: string) => string = (p) => p): HttpError {
  const raw = err.location.path ?? '$';
  const path = rewrite(raw.startsWith('$') ? raw : `$.${raw}`);
  const status = err.code.endsWith('-NOT-FOUND') ? 404 : err.code.startsWith('E-STORE-') ? 503 : CONFLICTS.has(err.code) ? 409 : 400;
  return new HttpError(status, { code: err.code, message: err.detail, path: status === 503 ? '$' : path });
}

/** Runs `fn`, translating RecordsError. */
export async function recordsCall<T>(fn: () => Promise<T> | T, rewrite?: (path: string) => string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RecordsError) throw recordsErrorToHttp(err, rewrite);
    throw err;
  }
}
