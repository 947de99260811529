/** Codes of kind `store`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const STORE = {
  'E-RECORDS-UNAVAILABLE': entry('store', '', ''),
  'E-STORE-BROKEN': entry('store', '', ''),
  'E-STORE-CLOSED': entry('store', '', ''),
  'E-STORE-CORRUPT': entry('store', '', ''),
  'E-STORE-IO': entry('store', '', ''),
  'E-STORE-LOCKED': entry('store', '', ''),
  'E-STORE-NOT-FOUND': entry('store', '', ''),
  'E-STORE-READONLY': entry('store', '', ''),
  'E-STORE-UNKNOWN': entry('store', '', ''),
} as const satisfies Record<string, CatalogueEntry>;
