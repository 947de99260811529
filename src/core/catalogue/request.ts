/** Codes of kind `request`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const REQUEST = {
  'E-NOT-ACCEPTABLE': entry('request', '', ''),
  'E-NOT-FOUND': entry('request', '', ''),
  'E-PACK-RELOADING': entry('request', '', ''),
  'E-RATE-LIMIT': entry('request', '', ''),
  'E-REQ-EMPTY': entry('request', '', ''),
  'E-REQ-EMPTY-BODY': entry('request', '', ''),
  'E-REQ-ENUM': entry('request', '', ''),
  'E-REQ-FORBIDDEN-KEY': entry('request', '', ''),
  'E-REQ-FORMAT': entry('request', '', ''),
  'E-REQ-HEADERS-TOO-LARGE': entry('request', '', ''),
  'E-REQ-HTTP': entry('request', '', ''),
  'E-REQ-INVALID': entry('request', '', ''),
  'E-REQ-JSON': entry('request', '', ''),
  'E-REQ-LENGTH': entry('request', '', ''),
  'E-REQ-MEDIA-TYPE': entry('request', '', ''),
  'E-REQ-RANGE': entry('request', '', ''),
  'E-REQ-REQUIRED': entry('request', '', ''),
  'E-REQ-SCHEMA': entry('request', '', ''),
  'E-REQ-TOO-LARGE': entry('request', '', ''),
  'E-REQ-TYPE': entry('request', '', ''),
  'E-REQ-UNKNOWN-KEY': entry('request', '', ''),
  'E-REQ-URL': entry('request', '', ''),
  'E-REQ-URL-TOO-LONG': entry('request', '', ''),
} as const satisfies Record<string, CatalogueEntry>;
