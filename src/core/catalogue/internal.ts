/** Codes of kind `internal`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const INTERNAL = {
  'E-INTERNAL': entry('internal', '', ''),
  'E-PACK-INVALID': entry('internal', '', ''),
  'E-PACK-LOAD': entry('internal', '', ''),
} as const satisfies Record<string, CatalogueEntry>;
