/** The shape of one catalogue entry; the entries themselves are in the files beside this one, one per kind. */

/** Who the problem belongs to: decides the HTTP status and CLI exit code an entry usually has. */
export type ErrorKind =
  /** A rule pack file (YAML, schema, cross-file checks): the policy officer's. */
  | 'pack'
  /** A scenario test file under rules/tests/. */
  | 'scenario'
  /** A document template or a document's input. */
  | 'document'
  /** An application to decide (the window clerk's or the client developer's). */
  | 'application'
  /** Anything else in an HTTP request: body shape, query, headers, route. */
  | 'request'
  /** Authentication and authorisation. */
  | 'auth'
  /** A clock input: times, suspensions, extensions. */
  | 'clock'
  /** Register, complaints, reviews, sanctions, publications: input to or state of the records. */
  | 'records'
  /** The records store itself (files, locks, damage): the operator's, not the caller's. */
  | 'store'
  /** The command line: flags, arguments. */
  | 'usage'
  /** A bug or an unavailable dependency: never the caller's fault. */
  | 'internal';

export interface CatalogueEntry {
  readonly kind: ErrorKind;
  /** `error` stops a load or a request; `warning` is reported and lets it go on (codes `W-…`). */
  readonly severity: 'error' | 'warning';
  /** HTTP status when the service answers with this code. */
  readonly status: number;
  /** Exit code of the CLI when a command fails with this code. */
  readonly exit: number;
  /**
   * Chinese message template; `{name}` is replaced by the parameter `name` (see `renderMessage`).
   * Where the sites that raise the code word the detail themselves, the template is `{detail}`
   * preceded by the fixed part, e.g. `承诺期限长于法定时限：{detail}`.
   */
  readonly message: string;
  /** One line, Chinese, for the README's error tables and `/docs`. */
  readonly description: string;
}

/** Defaults by kind, so each entry states only what differs. */
const DEFAULTS: Readonly<Record<ErrorKind, { readonly status: number; readonly exit: number }>> = {
  pack: { status: 422, exit: 1 },
  scenario: { status: 422, exit: 2 },
  document: { status: 422, exit: 1 },
  application: { status: 400, exit: 1 },
  request: { status: 400, exit: 2 },
  auth: { status: 401, exit: 2 },
  clock: { status: 400, exit: 1 },
  records: { status: 400, exit: 1 },
  store: { status: 503, exit: 1 },
  usage: { status: 400, exit: 2 },
  internal: { status: 500, exit: 3 },
};

/** An entry of `kind`, with the kind's status and exit code unless `overrides` says otherwise. */
export function entry(
  kind: ErrorKind,
  message: string,
  description: string,
  overrides: { readonly status?: number; readonly exit?: number; readonly severity?: 'error' | 'warning' } = {},
): CatalogueEntry {
  return { kind, severity: overrides.severity ?? 'error', ...DEFAULTS[kind], ...stripUndefined(overrides), message, description };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
