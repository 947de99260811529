/**
 * Where the engine's, the records' and the clock's input sits in the request. Those stages locate
 * problems in their own input (`$.applicant.age`, `$.verification.at`, `suspensions[1].to`); a
 * route names where each part of that input came from, and the problem is answered there.
 */
import { BianminError } from '../core/index.ts';
import { ApplicationError } from '../engine/index.ts';
import { HttpError } from './http-error.ts';

/**
 * A head of the stage's paths → where it is in the request: `{ $: '$.application' }` (nested
 * body), `{ acceptedAt: 'query.acceptedAt', suspensions: 'query.suspend' }` (query parameters).
 * A path no head names is not in the request and is answered as `$`.
 */
export type RequestPlaces = Readonly<Record<string, string>>;

/** The request body is the stage's input as it is. */
export const BODY: RequestPlaces = { $: '$' };

/** Runs `fn`; a BianminError it throws is answered located in the request through `places`. */
export async function inRequest<T>(places: RequestPlaces, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    // An HttpError is already located in the request.
    if (err instanceof BianminError && !(err instanceof HttpError)) throw relocated(err, places);
    throw err;
  }
}

function relocated(err: BianminError, places: RequestPlaces): HttpError {
  return new HttpError(err.code, err.detail, placed(err.location.path, places), {
    details: err.details.map((p) => ({ ...p, path: placed(p.path, places) })),
    ...(err instanceof ApplicationError ? { suggestions: err.suggestions } : {}),
  });
}

function placed(path: string | undefined, places: RequestPlaces): string {
  const at = path === undefined || path === '' ? '$' : path;
  let head: string | null = null;
  for (const h of Object.keys(places)) {
    const names = at === h || at.startsWith(`${h}.`) || at.startsWith(`${h}[`);
    if (names && (head === null || h.length > head.length)) head = h;
  }
  return head === null ? '$' : `${places[head]}${at.slice(head.length)}`;
}
