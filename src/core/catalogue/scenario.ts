/** Codes of kind `scenario`. */
import { entry, type CatalogueEntry } from './entry.ts';

export const SCENARIO = {
  'E-SCENARIO-ACTION': entry('scenario', '', ''),
  'E-SCENARIO-COMPLAINT': entry('scenario', '', ''),
  'E-SCENARIO-DUPLICATE': entry('scenario', '', ''),
  'E-SCENARIO-FACT': entry('scenario', '', ''),
  'E-SCENARIO-GRADE': entry('scenario', '', ''),
  'E-SCENARIO-ITEM': entry('scenario', '', ''),
  'E-SCENARIO-MATERIAL': entry('scenario', '', ''),
  'E-SCENARIO-NO-CASES': entry('scenario', '', ''),
  'E-SCENARIO-NO-ITEM': entry('scenario', '', ''),
  'E-SCENARIO-NOW': entry('scenario', '', ''),
  'E-SCENARIO-PHRASE': entry('scenario', '', ''),
  'E-SCENARIO-RECEIVED': entry('scenario', '', ''),
  'E-SCENARIO-RULE': entry('scenario', '', ''),
  'E-SCENARIO-STAFF': entry('scenario', '', ''),
  'E-SCENARIO-TIME': entry('scenario', '', ''),
  'E-SCENARIO-WINDOW': entry('scenario', '', ''),
  'W-SCENARIO-MATERIAL': entry('scenario', '', '', { severity: 'warning' }),
} as const satisfies Record<string, CatalogueEntry>;
