/**
 * Validation of stored records against schemas/records/*.schema.json (the single source of truth
 * for the record formats; the TypeScript types are generated from the same files).
 */
import { translateAjvErrors, type PathSegment } from '../core/index.ts';
import { schemaValidator } from '../pack/index.ts';

export type RecordKind = 'case' | 'complaint' | 'review' | 'incident' | 'publication' | 'pack-publication' | 'sequence' | 'snapshot' | 'log-entry';

/** One validation problem inside a record, with its JSON path relative to the record. */
export interface RecordProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** Validates `data` as a record of `kind` (or `case-event`); [] when valid. Compiled once per process with the other schema files. */
export function validateRecord(kind: RecordKind | 'case-event', data: unknown): RecordProblem[] {
  return kind === 'case-event' ? validatePart('records/case', '/$defs/event', data) : validatePart(`records/${kind}`, '', data);
}

/** Validates `data` against schemas/<name>.schema.json, or the part of it at the JSON pointer `fragment`. */
export function validatePart(name: string, fragment: string, data: unknown): RecordProblem[] {
  const validate = schemaValidator(name, fragment);
  if (validate(data)) return [];
  // The nearest node present in the record: what the store locates in the file (line and column).
  return translateAjvErrors(validate.errors ?? [], { family: 'records' }).map((p) => ({ path: p.segments, message: p.message }));
}
