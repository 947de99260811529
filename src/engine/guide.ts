/**
 * The guide part of the one-time notice (一次性告知单) a consultation gives: conditions as far as
 * the facts decide them, procedure, limits, basis, place and phones — beside the materials, fees
 * and notice the decision carries anyway.
 */
import { deepFreeze } from '../core/index.ts';
import type { DecisionGuide, Limits, PackData } from '../pack/index.ts';
import type { ConditionOutcome } from './classify.ts';
import { legalRefText, type CompiledVersion } from './compile.ts';
import { guideModes, type ModeOutcome } from './mode-branch.ts';

type Guide = NonNullable<DecisionGuide>;
/** What the guide says that depends only on the item version and its pack (frozen, shared). */
type VersionParts = Pick<Guide, 'departments' | 'window' | 'basis' | 'procedure' | 'place' | 'phones'>;

/** Per compiled version: its pack's data (a version belongs to one pack) and the shared parts. */
const partsOf = new WeakMap<CompiledVersion, { readonly pack: PackData; readonly parts: VersionParts }>();
/** Per Limits object (a branch's, under a policy version): the guide's copy of it (frozen, shared). */
const guideLimits = new WeakMap<Limits, Guide['limits']>();

/**
 * `mode` and `limits` are those of the branch the facts choose, else of the default branch; an
 * item whose mode is chosen by a condition also lists every branch (`modes`) with whether it applies.
 */
export function guideOf(pack: PackData, v: CompiledVersion, conditions: readonly ConditionOutcome[], modes: ModeOutcome, branchLimits?: readonly Limits[]): Guide {
  const d = v.data;
  const branch = modes.branch ?? v.modes[v.modes.length - 1]!;
  // `branchLimits`: each branch's limits under the policy in force on the day of receipt
  // (limitsOn), so the guide shows the clock the decision's deadline would run on.
  const limits = branchLimits?.[branch.index] ?? branch.limits;
  const listed = guideModes(v, modes, branchLimits);
  const parts = versionParts(pack, v);
  return {
    type: d.type,
    mode: branch.mode,
    ...(listed ? { modes: listed } : {}),
    department: v.departmentName,
    departments: parts.departments,
    reportTo: d.reportTo ?? null,
    window: parts.window,
    basis: parts.basis,
    conditions: conditions.map((o) => o.condition.guided(o.passed)),
    procedure: parts.procedure,
    limits: limitsOf(limits),
    result: d.result?.name ?? null,
    place: parts.place,
    phones: parts.phones,
  };
}

function versionParts(pack: PackData, v: CompiledVersion): VersionParts {
  const known = partsOf.get(v);
  if (known !== undefined && known.pack === pack) return known.parts;
  const d = v.data;
  const w = v.window;
  const parts: VersionParts = deepFreeze({
    departments: [...v.departmentNames],
    window: w ? { number: w.number, name: w.name, location: w.location } : null,
    basis: (d.basis ?? []).map(legalRefText),
    procedure: (d.procedure ?? []).map((p) => ({
      step: p.step,
      description: p.description ?? null,
      limit: p.limit ? { amount: p.limit.amount, unit: p.limit.unit } : null,
    })),
    place: d.place ?? [pack.center.center.address, w ? `${w.number}号${w.name}${w.location ? `（${w.location}）` : ''}` : ''].filter(Boolean).join(' '),
    phones: { consult: d.phone ?? pack.center.center.phones.consult, complaint: pack.center.center.phones.complaint },
  });
  partsOf.set(v, { pack, parts });
  return parts;
}

function limitsOf(limits: Limits): Guide['limits'] {
  let out = guideLimits.get(limits);
  if (out === undefined) {
    out = deepFreeze({
      statutory: { amount: limits.statutory.amount, unit: limits.statutory.unit },
      promised: { amount: limits.promised.amount, unit: limits.promised.unit },
      extension: limits.extension
        ? { max: { amount: limits.extension.max.amount, unit: limits.extension.max.unit }, approver: limits.extension.approver }
        : null,
    });
    guideLimits.set(limits, out);
  }
  return out;
}
