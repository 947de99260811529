/** A located problem in a rule pack: what every validator, loader and CLI reports. */
export interface Diagnostic {
  /** Path of the file, relative to the pack directory, with forward slashes; `.` for the pack directory itself. */
  readonly file: string;
  /** 1-based line; 0 when the problem is about the file as a whole (e.g. it is missing). */
  readonly line: number;
  /** 1-based column; 0 with line 0. */
  readonly column: number;
  /** JSON path inside the file, e.g. `$.materials[2].necessity`; `$` for the whole document. */
  readonly path: string;
  /** Stable machine-readable code, e.g. `E-SCHEMA-REQUIRED`, `W-ITEM-NO-BASIS`. */
  readonly code: string;
  /** Chinese message for the policy officer. */
  readonly message: string;
}

export type PathSegment = string | number;

/** `['materials', 2, 'necessity']` → `$.materials[2].necessity`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** An ajv `instancePath` (JSON pointer, `/materials/2/id`) → `['materials', 2, 'id']`. */
export function pointerToPath(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Sorted by file, line, column, then code, as the validator prints them. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** `rules/items/mz-001.yaml:12:5 [E-SCHEMA-ENUM] $.mode: …` */
export function formatDiagnostic(d: Diagnostic, baseDir = ''): string {
  const base = baseDir.replace(/\/+$/, '');
  const file = d.file === '.' ? base || '.' : base ? `${base}/${d.file}` : d.file;
  const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
  return `${where} [${d.code}] ${d.path === '$' ? '' : `${d.path}：`}${d.message}`;
}

/** Thrown (as a rejection) by `loadPack` when the pack has errors; carries every diagnostic. */
export class PackLoadError extends Error {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];

  constructor(errors: readonly Diagnostic[], warnings: readonly Diagnostic[] = []) {
    const first = errors[0];
    super(
      `规则包有 ${errors.length} 处错误` + (first ? `，第一处：${formatDiagnostic(first)}` : ''),
    );
    this.name = 'PackLoadError';
    this.errors = errors;
    this.warnings = warnings;
  }
}
