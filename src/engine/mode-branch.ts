/**
 * Which mode an application is handled in, for an item whose `mode` is chosen by a condition
 * (临时救助: immediate up to 1,000 元, promised above). Branches are read top-down on the same
 * three-valued run as the eligibility conditions: the first whose `when` holds applies; a branch
 * that cannot be decided (a fact not given) stops the choice, since a later branch applies only
 * when every earlier one fails. The default (last, no `when`) applies when all before it fail.
 */
import { MODE_LABELS, modeBranches, policyAt, policyVersionAt, type Decision, type DecisionGuide, type DecisionReason, type DueDate, type Duration, type Limits, type SourceRef, type TraceEntry } from '../pack/index.ts';
import type { CompiledModeBranch, CompiledPack, CompiledVersion } from './compile.ts';
import { entry } from './trace.ts';
import { VariantsOf } from './shared.ts';


export interface ModeRun {
  of(slot: number, needed: readonly string[]): boolean | null;
  missingFacts(needed: readonly string[]): string;
}

export interface ModeOutcome {
  /** The branch that applies; null when an undecided branch comes first. */
  readonly branch: CompiledModeBranch | null;
  /** The branch whose condition lacks facts, with their labels; null when the choice is made. */
  readonly undecided: { readonly branch: CompiledModeBranch; readonly facts: string } | null;
  /** Per branch, in order: true applies, false does not, null cannot be told (yet). */
  readonly applies: ReadonlyArray<boolean | null>;
  /** Trace entries, one per branch looked at (conditional modes only; a single mode has none). */
  readonly trace: readonly TraceEntry[];
}

/** Each branch's trace entries (frozen, shared): applies, does not, cannot tell for want of given facts. */
const branchEntries = new VariantsOf<CompiledModeBranch, TraceEntry>();

export function chooseMode(v: CompiledVersion, run: ModeRun): ModeOutcome {
  const applies: Array<boolean | null> = v.modes.map(() => false);
  const trace: TraceEntry[] = [];
  let branch: CompiledModeBranch | null = null;
  let undecided: ModeOutcome['undecided'] = null;
  for (const b of v.modes) {
    const r = b.slot < 0 ? true : run.of(b.slot, b.facts);
    if (r === null) {
      undecided = { branch: b, facts: run.missingFacts(b.facts) };
      for (let i = b.index; i < applies.length; i++) applies[i] = null;
      if (b.conditional) {
        const facts = undecided.facts;
        trace.push(branchEntries.get(b, `?${facts}`, () => entry(b.rule, null, `无法判断适用哪种办理方式：${describe(b)}；缺少申请人事实：${facts}`, b.source)));
      }
      break;
    }
    if (r) {
      branch = b;
      applies[b.index] = true;
      if (b.conditional) trace.push(branchEntries.get(b, 'true', () => entry(b.rule, true, `适用办理方式：${describe(b)}${b.slot < 0 && b.index > 0 ? '（前面各项的适用条件均不满足）' : ''}`, b.source)));
      break;
    }
    if (b.conditional) trace.push(branchEntries.get(b, 'false', () => entry(b.rule, false, `不适用办理方式：${describe(b)}`, b.source)));
  }
  return { branch, undecided, applies, trace };
}

/** The supplement reason of an undecided branch: the applicant must say what decides it. */
export function modeReason(u: NonNullable<ModeOutcome['undecided']>): DecisionReason {
  return {
    code: u.branch.rule,
    message: `无法判断适用哪种办理方式（${describe(u.branch)}）：请补充申请人情况（${u.facts}）`,
    source: u.branch.source,
  };
}

/** The decision's `modeBranch`: only items with a conditional mode carry one. */
export function modeBranchOf(v: CompiledVersion, o: ModeOutcome): { index: number; text: string | null; source: SourceRef } | null | undefined {
  if (!v.modes[0]?.conditional) return undefined;
  return o.branch ? { index: o.branch.index, text: o.branch.text, source: o.branch.source } : null;
}

/** The guide's list of branches with whether each applies (conditional modes only), on `limits` (limitsOn). */
export function guideModes(v: CompiledVersion, o: ModeOutcome, limits: readonly Limits[] = v.modes.map((b) => b.limits)): NonNullable<DecisionGuide>['modes'] {
  if (!v.modes[0]?.conditional) return undefined;
  return v.modes.map((b) => {
    const l = limits[b.index] ?? b.limits;
    return {
      index: b.index,
      mode: b.mode,
      text: b.text,
      promised: { amount: l.promised.amount, unit: l.promised.unit },
      statutory: { amount: l.statutory.amount, unit: l.statutory.unit },
      applies: o.applies[b.index] ?? null,
    };
  });
}

/** Per compiled version: branch limits under each dated policy version (by its changeIndex). */
const limitsByPolicy = new WeakMap<CompiledVersion, Map<number, readonly Limits[]>>();

/**
 * The limits of each branch of `v` (by index) under the policy in force on `date` (YYYY-MM-DD), the
 * day of receipt: an immediate branch without its own limits runs on that day's immediate clock.
 * The compiled branches carry the base policy's; a pack whose policy has no dated changes, or a
 * day before the first, uses them as they are, and each later policy version is resolved once.
 */
export function limitsOn(pack: CompiledPack, v: CompiledVersion, date: string): readonly Limits[] {
  const compiled = v.modes.map((b) => b.limits);
  const policy = pack.data.policy;
  if (!policy.changes || policy.changes.length === 0) return compiled;
  const version = policyVersionAt(policy, date);
  if (version.changeIndex < 0) return compiled;
  let memo = limitsByPolicy.get(v);
  if (!memo) limitsByPolicy.set(v, (memo = new Map()));
  let limits = memo.get(version.changeIndex);
  if (!limits) {
    const resolved = modeBranches(v.data, version.policy);
    limits = v.modes.map((b) => resolved[b.index]?.limits ?? b.limits);
    memo.set(version.changeIndex, limits);
  }
  return limits;
}

function describe(b: CompiledModeBranch): string {
  return `${MODE_LABELS[b.mode]}${b.text ? `（${b.text}）` : ''}`;
}

/**
 * The deadline of an application accepted in `branch` at `acceptedAtMs`: the branch's promised and
 * statutory limits, and for a petition (信访件) the policy's reply and leader-reception dues
 * (信访接待制度第三条: 当场解决不了的三日内答复, 领导接待一周内答复), which the decision carries
 * so that the window and the register see every clock the petition runs on.
 */
export function deadlineOf(pack: CompiledPack, v: CompiledVersion, branch: CompiledModeBranch, acceptedAtMs: number, date: string): NonNullable<Decision['deadline']> {
  // Without dated policy changes a branch's compiled limits are in force (as limitsOn says): no list to make.
  const changes = pack.data.policy.changes;
  const limits = !changes || changes.length === 0 ? branch.limits : (limitsOn(pack, v, date)[branch.index] ?? branch.limits);
  const deadline = pack.clock.deadline(limits, acceptedAtMs);
  if (branch.mode !== 'petition') return deadline;
  // The policy in force that day: a petition's reply clocks are the policy's, which may be dated.
  const policy = policyAt(pack.data.policy, date);
  const warnings = [...deadline.warnings];
  const dueOf = (clock: Duration): DueDate => {
    const due = pack.clock.due({ amount: clock.amount, unit: clock.unit }, acceptedAtMs);
    for (const w of due.warnings) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
    return { amount: clock.amount, unit: clock.unit, due: due.due };
  };
  const { petitionReply, leaderReception } = policy.clocks;
  return { ...deadline, reply: dueOf(petitionReply), leaderReception: dueOf(leaderReception), warnings };
}
