/** Codes of kind `auth`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const AUTH = {
  'E-AUTH-FORBIDDEN': entry('auth', '', ''),
  'E-AUTH-INVALID': entry('auth', '', ''),
  'E-AUTH-MISSING': entry('auth', '', ''),
} as const satisfies Record<string, CatalogueEntry>;
