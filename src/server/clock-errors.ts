/** The clock's typed input errors (ClockError) as 400s located in the request. */
import type { ClockError } from '../calendar/index.ts';
import { HttpError } from './http-error.ts';

/**
 * `where` maps the first segment of the clock's own path (`acceptedAt`, `suspensions[1].to`) to
 * where that value came from in the request (`query.acceptedAt`, `$.events[3]` …).
 */
export function clockErrorToHttp(err: ClockError, where: Readonly<Record<string, string>>): HttpError {
  const head = /^[A-Za-z]+/.exec(err.path)?.[0] ?? '';
  const base = where[head];
  const path = base === undefined ? '$' : `${base}${err.path.slice(head.length)}`;
  const message = err.path && err.message.startsWith(`${err.path}：`) ? err.message.slice(err.path.length + 1) : err.message;
  return new HttpError(400, { code: `E-CLOCK-${err.code.toUpperCase()}`, message, path });
}
