/**
 * The one error type of the records module: a Chinese message, a stable code, and where the
 * problem is (data file, line and JSON path) when it concerns stored data.
 */
export interface RecordsErrorLocation {
  /** Data file (as given to the store, e.g. `data/cases-2026.json`). */
  readonly file?: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  readonly column?: number;
  /** JSON path inside the file or record, e.g. `$.records[12].events[3].type`. */
  readonly path?: string;
}

export class RecordsError extends Error {
  override readonly name = 'RecordsError';
  readonly code: string;
  readonly location: RecordsErrorLocation;
  /** The bare message, without the location prefix. */
  readonly detail: string;
  /** Every located problem, when there are several (a damaged data directory). */
  readonly problems: ReadonlyArray<RecordsErrorLocation & { readonly detail: string }>;

  constructor(code: string, detail: string, location: RecordsErrorLocation = {}, problems: ReadonlyArray<RecordsErrorLocation & { readonly detail: string }> = []) {
    super(problems.length > 0 ? detail : formatLocated(location, detail));
    this.code = code;
    this.detail = detail;
    this.location = location;
    this.problems = problems.length > 0 ? problems : [{ ...location, detail }];
  }
}

function formatLocated(loc: RecordsErrorLocation, detail: string): string {
  let where = loc.file ?? '';
  if (where && loc.line) where += `:${loc.line}${loc.column ? `:${loc.column}` : ''}`;
  const path = loc.path && loc.path !== '$' ? `${loc.path}：` : '';
  return where ? `${where} ${path}${detail}` : `${path}${detail}`;
}
