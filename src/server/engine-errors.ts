/** The engine's typed input error (ApplicationError) as a 400, or a 404 for an unknown item. */
import { ApplicationError } from '../engine/index.ts';
import { HttpError } from './http-error.ts';

/** `base` is where the application sits in the request: `$` for a bare application, `$.application` when nested. */
export function applicationErrorToHttp(err: ApplicationError, base = '$'): HttpError {
  const at = (p: string): string => (base !== '$' && p.startsWith('$') ? `${base}${p.slice(1)}` : p);
  const details = err.issues.map(({ code, message, path }) => ({ code, message, path: at(path) }));
  const status = err.code === 'E-APP-UNKNOWN-ITEM' ? 404 : 400;
  return new HttpError(status, {
    code: err.code,
    message: details[0]?.message ?? err.message,
    path: at(err.path),
    ...(details.length > 1 ? { details } : {}),
    ...(err.suggestions.length > 0 ? { suggestions: err.suggestions } : {}),
  });
}

export { ApplicationError };
