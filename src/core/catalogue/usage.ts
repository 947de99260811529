/** Codes of kind `usage`: the command line. */
import { entry, type CatalogueEntry } from './entry.ts';

export const USAGE = {
} as const satisfies Record<string, CatalogueEntry>;
