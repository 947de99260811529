/**
 * 情形 (业务办理项): which situation of an item an application is in (新办 / 换领), and the
 * variant of the item version it is then decided on. Each situation is compiled once with the
 * version, at pack compile time: its `when` is a slot of the version's rule runner, and its
 * variant is the version with the situation's patch applied (pack situations.ts), compiled like
 * any version (own runner, materials, conditions, modes with the situation's limits).
 *
 * Selection, read on the version's three-valued run like mode branches: the situations are looked
 * at in the order written, and the first whose `when` holds applies. One whose `when` cannot be
 * decided (a fact not given) stops the choice, since a later one applies only when every earlier
 * one fails: no situation is applied, the decision is made on the item as written (without any
 * situation's patch), asks for the missing facts, lists the materials that situation and those
 * after it would add as "may be needed" (named by situation), and an application (not a
 * consultation) is given a supplement notice saying so. When no situation holds, the item as written applies and
 * the decision's `situation` is null.
 */
import type { PathSegment } from '../core/index.ts';
import type { Condition, DecisionReason, ItemVersion, NoticeMaterial, Question, SourceRef, TraceEntry } from '../pack/index.ts';
import { situationVersion } from '../pack/index.ts';
import type { CompiledVersion } from './compile.ts';
import type { ResultNode } from './condition.ts';
import type { FactDictionary } from './facts.ts';
import { question, undecidedFacts } from './questions.ts';
import { entry } from './trace.ts';
import { VariantsOf } from './shared.ts';

/** One situation of an item version, compiled. */
export interface CompiledSituation {
  /** Trace rule id, `situation:<id>`. */
  readonly rule: string;
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  /** Slot of its `when` in the version's rule runner. */
  readonly slot: number;
  readonly facts: readonly string[];
  readonly source: SourceRef;
  /** The version with this situation's patch applied. */
  readonly variant: CompiledVersion;
}

/** What compileVersion lends to compile the situations of one version. */
export interface SituationCompiler {
  /** Puts a condition into the version's runner, returning its slot. */
  slotOf(when: Condition): number;
  /** The facts a condition reads, through shared conditions too. */
  factsOf(when: Condition): string[];
  /** Where a path of the version is written. */
  source(path: PathSegment[]): SourceRef;
  /** Compiles a variant of the version (without situations of its own). */
  variant(data: ItemVersion): CompiledVersion;
}

export function compileSituations(data: ItemVersion, c: SituationCompiler): CompiledSituation[] {
  return (data.situations ?? []).map((s, i) => ({
    rule: `situation:${s.id}`,
    id: s.id,
    name: s.name,
    description: s.description ?? null,
    slot: c.slotOf(s.when),
    facts: c.factsOf(s.when),
    source: c.source(['situations', i]),
    variant: c.variant(situationVersion(data, s, i)),
  }));
}

/** What the version's run knows (decide.ts Outcomes). */
export interface SituationRun {
  of(slot: number, needed: readonly string[]): boolean | null;
  missingFacts(needed: readonly string[]): string;
  node(slot: number): ResultNode;
  given(fact: string): boolean;
}

export interface SituationChoice {
  /** The version the application is decided on: the chosen situation's variant, else the version itself. */
  readonly version: CompiledVersion;
  readonly situation: CompiledSituation | null;
  /** The situation whose `when` lacks facts, with their labels; null when the choice is made. */
  readonly undecided: { readonly situation: CompiledSituation; readonly facts: string } | null;
  /** One entry per situation looked at. */
  readonly trace: readonly TraceEntry[];
  /** The decision's `situation`: undefined for an item without situations. */
  readonly field: { readonly id: string; readonly name: string } | null | undefined;
}

/** Each situation's trace entries (frozen, shared): applies, does not, cannot tell for want of given facts. */
const situationEntries = new VariantsOf<CompiledSituation, TraceEntry>();

export function chooseSituation(v: CompiledVersion, run: SituationRun): SituationChoice {
  if (v.situations.length === 0) return { version: v, situation: null, undecided: null, trace: [], field: undefined };
  const trace: TraceEntry[] = [];
  for (const s of v.situations) {
    const r = run.of(s.slot, s.facts);
    if (r === null) {
      const facts = run.missingFacts(s.facts);
      trace.push(situationEntries.get(s, `?${facts}`, () => entry(s.rule, null, `无法判断是否适用情形“${s.name}”；缺少申请人事实：${facts}；暂按事项的一般规定告知`, s.source)));
      return { version: v, situation: null, undecided: { situation: s, facts }, trace, field: null };
    }
    if (r) {
      trace.push(situationEntries.get(s, 'true', () => entry(s.rule, true, `适用情形：${s.name}${s.description ? `（${s.description}）` : ''}`, s.source)));
      return { version: s.variant, situation: s, undecided: null, trace, field: { id: s.id, name: s.name } };
    }
    trace.push(situationEntries.get(s, 'false', () => entry(s.rule, false, `不适用情形：${s.name}`, s.source)));
  }
  return { version: v, situation: null, undecided: null, trace, field: null };
}

/** The supplement reason of an undecided situation: the applicant must say what decides it. */
export function situationReason(choice: SituationChoice): DecisionReason | null {
  const u = choice.undecided;
  if (!u) return null;
  return { code: u.situation.rule, message: `无法判断适用哪种情形（${u.situation.name}）：请补充申请人情况（${u.facts}）`, source: u.situation.source };
}

/**
 * The materials an undecided situation and those after it would add (first written first, once
 * each, none the center fetches): the one-time notice lists them as "may be needed" with the
 * situation named, so that the applicant learns everything at once (一次性告知).
 */
export function pendingMaterials(choice: SituationChoice): NoticeMaterial[] {
  const u = choice.undecided;
  if (!u) return [];
  const own = choice.version.materialIds;
  const out = new Map<string, NoticeMaterial>();
  const situations = choice.version.situations;
  for (const s of situations.slice(situations.indexOf(u.situation))) {
    for (const m of s.variant.materials) {
      if (own.has(m.id) || out.has(m.id) || m.fetchable) continue;
      out.set(m.id, { ...m.notice('unknown'), condition: `适用情形“${s.name}”时需要${m.condition ? `（${m.condition}）` : ''}` });
    }
  }
  return [...out.values()];
}

/** `notice` (the version's material list) with the pending materials of an undecided situation after it. */
export function withPendingMaterials(choice: SituationChoice, notice: readonly NoticeMaterial[]): NoticeMaterial[] {
  return choice.undecided ? [...notice, ...pendingMaterials(choice)] : [...notice];
}

/** Submitted ids the version does not list but a pending situation does: not unknown, only not yet checked. */
export function notPending(choice: SituationChoice, unknown: readonly string[]): string[] {
  if (!choice.undecided || unknown.length === 0) return [...unknown];
  const ids = new Set<string>();
  for (const s of choice.version.situations) for (const id of s.variant.materialIds.keys()) ids.add(id);
  return unknown.filter((id) => !ids.has(id));
}

/**
 * `questions` with the facts an undecided situation lacks last: their purpose is `material`, and
 * they decide the situations' materials, which the list shows last (pendingMaterials), so the
 * order stays eligibility first, then materials in list order. A fact already asked gets those
 * materials added to its question instead of being asked twice.
 */
export function withSituationQuestions(facts: FactDictionary, choice: SituationChoice, run: SituationRun, questions: readonly Question[]): Question[] {
  const u = choice.undecided;
  if (!u) return [...questions];
  const materials = pendingMaterials(choice).map((m) => m.id);
  const lacking = undecidedFacts(run.node(u.situation.slot), run);
  const out = questions.map((q) => (lacking.includes(q.fact) ? { ...q, materials: [...new Set([...q.materials, ...materials])] } : q));
  const asked = new Set(questions.map((q) => q.fact));
  const added = lacking.filter((f) => !asked.has(f)).map((f) => question(facts, f, { conditions: [], modes: [], materials }));
  return [...out, ...added];
}
