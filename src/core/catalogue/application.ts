/** Codes of kind `application`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const APPLICATION = {
  'E-APP-EMPTY': entry('application', '', ''),
  'E-APP-ENUM': entry('application', '', ''),
  'E-APP-FACT': entry('application', '', ''),
  'E-APP-RANGE': entry('application', '', ''),
  'E-APP-REQUIRED': entry('application', '', ''),
  'E-APP-SCHEMA': entry('application', '', ''),
  'E-APP-TIME': entry('application', '', ''),
  'E-APP-TYPE': entry('application', '', ''),
  'E-APP-UNKNOWN-ITEM': entry('application', '', ''),
  'E-APP-UNKNOWN-KEY': entry('application', '', ''),
  'E-APPLICATION': entry('application', '', ''),
  'E-ITEM-UNKNOWN': entry('application', '', ''),
} as const satisfies Record<string, CatalogueEntry>;
