/** Codes of kind `document`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const DOCUMENT = {
  'E-NOTICE-NOT-FOUND': entry('document', '', ''),
  'E-NOTICE-UNAVAILABLE': entry('document', '', ''),
  'E-PDF-BUSY': entry('document', '', ''),
  'E-PDF-UNAVAILABLE': entry('document', '', ''),
  'E-TEMPLATE-BLOCK': entry('document', '', ''),
  'E-TEMPLATE-EXTERNAL': entry('document', '', ''),
  'E-TEMPLATE-FIELD': entry('document', '', ''),
  'E-TEMPLATE-HELPER': entry('document', '', ''),
  'E-TEMPLATE-MAYBE-EMPTY': entry('document', '', ''),
  'E-TEMPLATE-PARSE': entry('document', '', ''),
  'E-TEMPLATE-PARTIAL': entry('document', '', ''),
  'E-TEMPLATE-READ': entry('document', '', ''),
  'E-TEMPLATE-TYPE': entry('document', '', ''),
  'E-TEMPLATE-UNESCAPED': entry('document', '', ''),
  'E-TEMPLATE-UNSUPPORTED': entry('document', '', ''),
  'W-TEMPLATE-UNUSED': entry('document', '', '', { severity: 'warning' }),
} as const satisfies Record<string, CatalogueEntry>;
