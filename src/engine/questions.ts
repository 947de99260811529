/**
 * Guided intake (引导式问询): the applicant facts still needed to decide, read off the same
 * three-valued run that made the decision. A fact is asked when it was not given and occurs in an
 * undecided (null) part of an undecided condition, or of the requiredWhen of a material the
 * applicant would have to bring whose requiredness is unknown. Parts already true or false are
 * skipped (in Kleene logic no missing fact can change them): with hukouLocal true, `hukouLocal or
 * residesLocal` holds and residesLocal is not asked. Shared conditions need no look-up:
 * json-rules-engine projects each reference onto the annotated tree. Facts deciding eligibility
 * come first (condition order, then first use), then facts that only decide a material (material
 * order).
 */
import type { Question } from '../pack/index.ts';
import type { ConditionOutcome } from './classify.ts';
import type { CompiledMaterial, CompiledVersion } from './compile.ts';
import { isFactRef, threeValued, type ResultNode } from './condition.ts';
import type { FactDictionary } from './facts.ts';
import type { Required } from './materials.ts';
import type { ModeOutcome } from './mode-branch.ts';
import { Variants } from './shared.ts';

/** What the decision's run knows: each slot's annotated tree, the given facts, each material's requiredness. */
export interface RunResults {
  node(slot: number): ResultNode;
  given(fact: string): boolean;
  required(m: CompiledMaterial): Required;
}

export interface Uses {
  readonly conditions: string[];
  readonly modes: number[];
  readonly materials: string[];
}

/** `modes`: the mode choice of the same run; its undecided branch asks for the facts it lacks. */
export function questionsOf(facts: FactDictionary, v: CompiledVersion, conditions: readonly ConditionOutcome[], run: RunResults, modes: ModeOutcome | null = null): Question[] {
  // Insertion order is the question order: conditions' facts, then the mode's, then materials'.
  const uses = new Map<string, Uses>();
  for (const o of conditions) {
    if (o.passed !== null) continue;
    for (const f of undecidedFacts(run.node(o.condition.slot), run)) usesOf(uses, f).conditions.push(o.condition.id);
  }
  const open = modes?.undecided?.branch;
  if (open && open.slot >= 0) for (const f of undecidedFacts(run.node(open.slot), run)) usesOf(uses, f).modes.push(open.index);
  for (const m of v.materials) {
    // What the center fetches itself is never asked of the applicant, so neither is its condition.
    if (m.fetchable || m.slot < 0 || run.required(m) !== 'unknown') continue;
    for (const f of undecidedFacts(run.node(m.slot), run)) usesOf(uses, f).materials.push(m.id);
  }
  const out: Question[] = [];
  for (const [fact, u] of uses) out.push(question(facts, fact, u));
  return out;
}

/** The uses of `fact`, entered at its first use (the map's order is the questions' order). */
function usesOf(uses: Map<string, Uses>, fact: string): Uses {
  let u = uses.get(fact);
  if (!u) uses.set(fact, (u = { conditions: [], modes: [], materials: [] }));
  return u;
}

/** Facts not given in the undecided parts of an annotated tree, in first-use order. */
export function undecidedFacts(root: ResultNode, run: Pick<RunResults, 'given'>): string[] {
  const out: string[] = [];
  const add = (f: string): void => {
    if (!run.given(f) && !out.includes(f)) out.push(f);
  };
  const walk = (node: ResultNode): void => {
    if (threeValued(node) !== null) return;
    if (node.all) node.all.forEach(walk);
    else if (node.any) node.any.forEach(walk);
    else if (node.not) walk(node.not);
    else if (node.fact !== undefined) {
      add(node.fact);
      if (isFactRef(node.value)) add(node.value.fact);
    }
  };
  walk(root);
  return out;
}

/**
 * The question for `fact` with these uses. Everything in it is the pack's (the fact's definition,
 * condition, material and branch ids), so each one asked is made once per fact dictionary and
 * shared, frozen.
 */
export function question(facts: FactDictionary, fact: string, u: Uses): Question {
  let byFact = questionsBy.get(facts);
  if (byFact === undefined) questionsBy.set(facts, (byFact = new Map()));
  let asked = byFact.get(fact);
  if (asked === undefined) byFact.set(fact, (asked = new Variants()));
  const key = `${u.conditions.join(',')}\u0000${u.materials.join(',')}\u0000${u.modes.join(',')}`;
  return asked.get(key, () => freshQuestion(facts, fact, u));
}

/** Per fact dictionary (a pack's), per fact: its questions, one per set of uses. */
const questionsBy = new WeakMap<FactDictionary, Map<string, Variants<Question>>>();

function freshQuestion(facts: FactDictionary, fact: string, u: Uses): Question {
  const def = facts.definition(fact);
  return {
    fact,
    label: def?.label ?? fact,
    type: def?.type ?? 'string',
    unit: def?.unit ?? null,
    values: def?.type === 'enum' ? [...(def.values ?? [])] : null,
    description: def?.description ?? null,
    purpose: u.conditions.length > 0 ? 'eligibility' : u.modes.length > 0 ? 'mode' : 'material',
    conditions: [...u.conditions],
    materials: [...u.materials],
    ...(u.modes.length > 0 ? { modes: [...u.modes] } : {}),
  };
}
