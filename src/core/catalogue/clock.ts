/** Codes of kind `clock`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const CLOCK = {
  'E-CLOCK-DATE-OUT-OF-RANGE': entry('clock', '', ''),
  'E-CLOCK-DURATION-INVALID': entry('clock', '', ''),
  'E-CLOCK-EXTENSION-EXCEEDS-MAX': entry('clock', '', ''),
  'E-CLOCK-EXTENSION-NOT-ALLOWED': entry('clock', '', ''),
  'E-CLOCK-EXTENSION-UNAPPROVED': entry('clock', '', ''),
  'E-CLOCK-EXTENSION-UNIT-MISMATCH': entry('clock', '', ''),
  'E-CLOCK-ITEM-UNKNOWN': entry('clock', '', ''),
  'E-CLOCK-OFFICE-HOURS-INVALID': entry('clock', '', ''),
  'E-CLOCK-SUSPENSION-INVALID': entry('clock', '', ''),
  'E-CLOCK-TIME-INVALID': entry('clock', '', ''),
  'E-TIME-INVALID': entry('clock', '', ''),
} as const satisfies Record<string, CatalogueEntry>;
