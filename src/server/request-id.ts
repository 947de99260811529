/**
 * The request id on every answer (`X-Request-Id`) and in the request's log line (`reqId`): the
 * caller's own when it sends a safe one (so an integrator can follow a request through both
 * systems' logs), otherwise a new UUID (one that reads as no phone number). A caller's id is safe
 * when it is 1–128 characters of letters, digits and `. _ : -`, and holds no ID or mobile number
 * (it is written to the log).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { findUnmasked } from '../records/index.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is safe to repeat and log, else null. */
export function acceptedRequestId(value: string | readonly string[] | undefined): string | null {
  if (typeof value !== 'string' || !SAFE_ID.test(value)) return null;
  return findUnmasked(value).length === 0 ? value : null;
}

/** Fastify's `genReqId`: the caller's safe id, or a new one. */
export function requestIdOf(raw: IncomingMessage): string {
  return acceptedRequestId(raw.headers[REQUEST_ID_HEADER]) ?? newRequestId();
}

/**
 * A new UUID that reads as no mobile number: about one in 10⁴ looks like one to `findUnmasked`
 * (`…d147-4058-4394…` is 147-4058-4394), and the id is in every log line of its request.
 */
export function newRequestId(): string {
  for (;;) {
    const id = randomUUID();
    if (!ELEVEN_DIGITS.test(id) || findUnmasked(id).length === 0) return id;
  }
}

/**
 * What anything `findUnmasked` finds in a UUID must hold: eleven digits or more with at most a dash
 * between them (a mobile number has 11, an ID number 17; a UUID has no other separators). Most
 * UUIDs have no such run, and the full scan is left to the few that do.
 */
const ELEVEN_DIGITS = /(?:\d-?){10}\d/;
