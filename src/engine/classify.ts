/**
 * 限时办结制 分类处理 (seed 000) and 行政许可法 Art. 32: what kind of case an application is.
 *   rejected   a condition marked onFail: rejected fails (not this center's competence) → route
 *   returned   an eligibility condition fails, or a core material (主件) is absent
 *   supplement lawful but incomplete: any material absent, in the wrong form or too few copies,
 *              or a fact the decision needs was not given → everything in one notice
 *   correctable nothing else stops acceptance and every remaining material problem is one the
 *              window lets the applicant correct on the spot (Art. 32(3)) → correct, decide again
 *   accepted   otherwise, in the item's mode; deferrable materials outstanding are listed
 * Precedence is in that order: a rejection makes the rest moot, a return notice gives every
 * reason for refusal, and only a lawful request gets a supplement notice.
 */
import { titled } from './titled.ts';
import type { Decision, DecisionReason, RouteTo } from '../pack/index.ts';
import type { CompiledCondition } from './compile.ts';
import type { MaterialCheck } from './materials.ts';

export interface ConditionOutcome {
  readonly condition: CompiledCondition;
  readonly passed: boolean | null;
  /** Labels of the facts it needed but did not get (for undecided ones). */
  readonly facts: string;
}

export interface Classification {
  readonly kind: Exclude<Decision['kind'], 'consultation'>;
  readonly reasons: DecisionReason[];
  readonly routeTo: RouteTo;
}

export function routeOf(c: CompiledCondition): NonNullable<RouteTo> {
  return { organ: c.routeTo ?? '', window: null, address: null, phone: null };
}

/** `mode`: the supplement reason of a mode branch that cannot be decided (mode-branch.ts), if any. */
export function classify(conditions: readonly ConditionOutcome[], materials: MaterialCheck, mode: DecisionReason | null = null): Classification {
  const rejected = conditions.filter((o) => o.passed === false && o.condition.onFail === 'rejected');
  if (rejected.length > 0) {
    return {
      kind: 'rejected',
      reasons: rejected.map(({ condition: c }) => ({ code: c.rule, message: `${c.reason}${c.routeTo ? ` 请向${c.routeTo}申请。` : ''}`, source: c.source })),
      routeTo: routeOf(rejected[0]!.condition),
    };
  }

  const failed = conditions.filter((o) => o.passed === false);
  if (failed.length > 0 || materials.absentCore.length > 0) {
    return {
      kind: 'returned',
      reasons: [
        ...failed.map(({ condition: c }) => ({ code: c.rule, message: c.reason, source: c.source })),
        ...materials.absentCore.map((m, i) => ({ code: m.rule, message: `缺少主件${materials.absentCoreTitles[i] ?? titled(m.name)}，申请不予接收，请备齐后重新申请`, source: m.source })),
      ],
      routeTo: null,
    };
  }

  const undecided = conditions.filter((o) => o.passed === null);
  if (materials.problems.length > 0 || undecided.length > 0 || materials.undecided.length > 0 || mode) {
    return {
      kind: 'supplement',
      reasons: [
        ...undecided.map(({ condition: c, facts }) => ({
          code: c.rule,
          message: `无法判断是否符合受理条件“${c.text}”：请补充申请人情况（${facts}）`,
          source: c.source,
        })),
        // Which mode applies (and so the clock) is part of a complete application.
        ...(mode ? [mode] : []),
        ...materials.problems.map(({ material: m, message }) => ({ code: m.rule, message, source: m.source })),
        ...materials.undecided.map(({ material: m, facts }) => ({
          code: m.rule,
          message: `无法判断是否需要${titled(m.name)}（${m.condition ?? ''}）：请补充申请人情况（${facts}）`,
          source: m.source,
        })),
      ],
      routeTo: null,
    };
  }

  if (materials.fixable.length > 0) {
    return {
      kind: 'correctable',
      reasons: materials.fixable.map(({ material: m, message }) => ({ code: m.rule, message: `${message}：可以当场更正，更正后重新判断`, source: m.source })),
      routeTo: null,
    };
  }

  return { kind: 'accepted', reasons: [], routeTo: null };
}
