import { BianminError, formatProblem, type Problem } from '../core/index.ts';

/**
 * A located problem in a rule pack: what every validator, loader and CLI reports. The core's
 * Problem with every location field present, so `bianmin validate --json` keeps its flat shape.
 */
export interface Diagnostic extends Problem {
  /** Path of the file, relative to the pack directory, with forward slashes; `.` for the pack directory itself. */
  readonly file: string;
  /** 1-based line; 0 when the problem is about the file as a whole (e.g. it is missing). */
  readonly line: number;
  /** 1-based column; 0 with line 0. */
  readonly column: number;
  /** JSON path inside the file, e.g. `$.materials[2].necessity`; `$` for the whole document. */
  readonly path: string;
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

/** Only the six fields of a diagnostic (its JSON, an answer or a message to another thread, carries no more). */
export function plainDiagnostic({ file, line, column, path, code, message }: Diagnostic): Diagnostic {
  return { file, line, column, path, code, message };
}

/** `rules/items/mz-001.yaml:12:5 [E-SCHEMA-ENUM] $.mode：…` */
export function formatDiagnostic(d: Diagnostic, baseDir = ''): string {
  return formatProblem(d, { baseDir, withCode: true });
}

/** Thrown (as a rejection) by `loadPack` when the pack has errors; carries every diagnostic. */
export class PackLoadError extends BianminError {
  override name = 'PackLoadError';
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];

  constructor(errors: readonly Diagnostic[], warnings: readonly Diagnostic[] = []) {
    const first = errors[0];
    super('E-PACK-INVALID', `规则包有 ${errors.length} 处错误` + (first ? `，第一处：${formatDiagnostic(first)}` : ''), {}, errors);
    this.errors = errors;
    this.warnings = warnings;
  }
}
