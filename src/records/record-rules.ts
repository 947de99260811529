/**
 * What makes a stored record valid, whichever backend keeps it: its schema, the rules across its
 * events, and the upgrade of a record an earlier version wrote. One copy, for every backend.
 */
import { formatPath } from '../core/index.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { validateRecord, type RecordProblem } from './record-schemas.ts';
import type { SharedValidation } from './shared-values.ts';

export type Applied<R> = { readonly ok: true; readonly record: R } | { readonly ok: false; readonly problems: RecordProblem[] };

export class RecordRules<R> {
  constructor(private readonly spec: CollectionSpec<R>) {}

  idOf(record: R): string {
    return this.spec.idOf(record);
  }

  /** A record as stored (possibly by an earlier version), in today's shape. */
  upgraded(record: unknown): R {
    return (this.spec.upgrade ? this.spec.upgrade(record) : record) as R;
  }

  /** `shared`: while reading a compact snapshot, its shared elements are validated once each. */
  problemsOf(record: R, shared?: SharedValidation): RecordProblem[] {
    const problems = shared ? shared.problemsOf(record, (r) => validateRecord(this.spec.kind, r)) : validateRecord(this.spec.kind, record);
    if (problems.length > 0 || !this.spec.check) return problems;
    return [...this.spec.check(record)];
  }

  /** `current` with `event` appended; problems with paths relative to the log entry (`event`, `op`). */
  applyEvent(current: R, event: unknown): Applied<R> {
    const events = this.spec.events;
    if (!events) return { ok: false, problems: [{ path: ['op'], message: '该登记簿没有环节（event）操作' }] };
    const badEvent = validateRecord(events.kind, event);
    if (badEvent.length > 0) return { ok: false, problems: badEvent.map((p) => ({ path: ['event', ...p.path], message: p.message })) };
    const next = events.apply(current, event);
    // The record was valid and the event is: only the rules across events need checking again.
    const problems = this.spec.check ? [...this.spec.check(next)] : [];
    // A rule broken by the new event (order, state) is the event's problem.
    return problems.length > 0 ? { ok: false, problems: problems.map((p) => ({ path: ['event'], message: p.message })) } : { ok: true, record: next };
  }
}

/** A refused write: every problem, the first in the message. */
export function invalid(problems: readonly RecordProblem[]): RecordsError {
  const first = problems[0]!;
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处：${problems.slice(1, 4).map((p) => `${formatPath(p.path)} ${p.message}`).join('；')}）` : '';
  const details = problems.map((p) => ({ code: 'E-RECORD-INVALID' as const, message: p.message, path: formatPath(p.path) }));
  return new RecordsError('E-RECORD-INVALID', `${first.message}${more}`, { path: formatPath(first.path) }, details);
}

/** Records handed out are immutable: callers cannot change the store behind its back. */
export function freeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const v of Object.values(value as object)) freeze(v);
  return Object.freeze(value);
}
