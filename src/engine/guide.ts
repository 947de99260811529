/**
 * The guide part of the one-time notice (一次性告知单) a consultation gives: conditions as far as
 * the facts decide them, procedure, limits, basis, place and phones — beside the materials, fees
 * and notice the decision carries anyway.
 */
import type { DecisionGuide, Limits, PackData } from '../pack/index.ts';
import type { ConditionOutcome } from './classify.ts';
import { legalRefText, type CompiledVersion } from './compile.ts';
import { guideModes, type ModeOutcome } from './mode-branch.ts';

/**
 * `mode` and `limits` are those of the branch the facts choose, else of the default branch; an
 * item whose mode is chosen by a condition also lists every branch (`modes`) with whether it applies.
 */
export function guideOf(pack: PackData, v: CompiledVersion, conditions: readonly ConditionOutcome[], modes: ModeOutcome, branchLimits?: readonly Limits[]): NonNullable<DecisionGuide> {
  const d = v.data;
  const w = v.window;
  const branch = modes.branch ?? v.modes[v.modes.length - 1]!;
  // `branchLimits`: each branch's limits under the policy in force on the day of receipt
  // (limitsOn), so the guide shows the clock the decision's deadline would run on.
  const limits = branchLimits?.[branch.index] ?? branch.limits;
  const listed = guideModes(v, modes, branchLimits);
  return {
    type: d.type,
    mode: branch.mode,
    ...(listed ? { modes: listed } : {}),
    department: v.departmentName,
    departments: [...v.departmentNames],
    reportTo: d.reportTo ?? null,
    window: w ? { number: w.number, name: w.name, location: w.location } : null,
    basis: (d.basis ?? []).map(legalRefText),
    conditions: conditions.map((o) => ({ id: o.condition.id, text: o.condition.text, met: o.passed })),
    procedure: (d.procedure ?? []).map((p) => ({
      step: p.step,
      description: p.description ?? null,
      limit: p.limit ? { amount: p.limit.amount, unit: p.limit.unit } : null,
    })),
    limits: {
      statutory: { amount: limits.statutory.amount, unit: limits.statutory.unit },
      promised: { amount: limits.promised.amount, unit: limits.promised.unit },
      extension: limits.extension
        ? { max: { amount: limits.extension.max.amount, unit: limits.extension.max.unit }, approver: limits.extension.approver }
        : null,
    },
    result: d.result?.name ?? null,
    place: d.place ?? [pack.center.center.address, w ? `${w.number}号${w.name}${w.location ? `（${w.location}）` : ''}` : ''].filter(Boolean).join(' '),
    phones: { consult: d.phone ?? pack.center.center.phones.consult, complaint: pack.center.center.phones.complaint },
  };
}
