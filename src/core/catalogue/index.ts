/**
 * The one error catalogue: every code bianmin reports, once, with its kind, HTTP status, CLI exit
 * code, Chinese message template and description. Codes are added to the file of their kind; a
 * test checks each is documented in the README and produced by some test.
 */
import { APPLICATION } from './application.ts';
import { AUTH } from './auth.ts';
import { CLOCK } from './clock.ts';
import { DOCUMENT } from './document.ts';
import type { CatalogueEntry } from './entry.ts';
import { INTERNAL } from './internal.ts';
import { PACK } from './pack.ts';
import { RECORDS } from './records.ts';
import { REQUEST } from './request.ts';
import { SCENARIO } from './scenario.ts';
import { STORE } from './store.ts';
import { USAGE } from './usage.ts';

export type { CatalogueEntry, ErrorKind } from './entry.ts';

export const CATALOGUE = {
  ...PACK,
  ...SCENARIO,
  ...DOCUMENT,
  ...APPLICATION,
  ...REQUEST,
  ...AUTH,
  ...CLOCK,
  ...RECORDS,
  ...STORE,
  ...USAGE,
  ...INTERNAL,
} as const satisfies Record<string, CatalogueEntry>;

/** Every code bianmin can report. */
export type ErrorCode = keyof typeof CATALOGUE;

const TABLE: Readonly<Record<string, CatalogueEntry>> = CATALOGUE;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(TABLE, code);
}

export function catalogueEntry(code: ErrorCode): CatalogueEntry {
  return TABLE[code]!;
}

/**
 * The code's message template with `{name}` replaced by `params.name`. A placeholder without a
 * parameter is left as written, so a missing value shows instead of vanishing.
 */
export function renderMessage(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): string {
  return catalogueEntry(code).message.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (all, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : all,
  );
}
