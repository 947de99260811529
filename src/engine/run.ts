/**
 * Runs a version's compiled conditions with json-rules-engine. Every comparison is evaluated by
 * json-rules-engine's own Condition (its operators, its Almanac of facts, its path resolution); what
 * `decide` does not use is not paid for: shared conditions are inlined once, at compile time,
 * instead of being realized and deep-copied into the rule on every run, and a run annotates no
 * copy of the rule's tree — each run builds only the small result nodes it returns — and builds
 * no Almanac or Fact of its own (one Almanac reads the facts of the run in progress). The boolean
 * combination is json-rules-engine's (all conditions of one priority evaluated, empty all/any
 * true, `not` negating its one child); test/engine/run-differential.test.ts proves the results
 * identical to a plain `engine.run` over random trees and facts. `engine` gives a plain Engine
 * with the same rule for that comparison and for the benchmark.
 */
import { Almanac, Engine, Fact, Rule, type TopLevelCondition } from 'json-rules-engine';
import type { ResultNode } from './condition.ts';
import type { FactValue } from './facts.ts';

const NO_CACHE = { cache: false } as const;
const EVENT = { type: 'evaluated' } as const;

/** Facts in conditions are plain values; `$.a.b` paths need no JSONPath library. */
function pathResolver(value: object, path: string): unknown {
  let v: unknown = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (key === '') continue;
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Options every compiled Engine uses: a missing fact is undefined (then undecidable), not an error. */
export const ENGINE_OPTIONS = { allowUndefinedFacts: true, pathResolver } as const;

/** The facts of one run as json-rules-engine runtime facts. */
export function engineFacts(values: Readonly<Record<string, FactValue>>): Record<string, Fact> {
  const out: Record<string, Fact> = {};
  for (const id in values) out[id] = new Fact(id, values[id], NO_CACHE);
  return out;
}

interface Evaluation {
  readonly result: unknown;
  readonly leftHandSideValue: unknown;
  readonly rightHandSideValue: unknown;
}

/** A json-rules-engine Condition as a Rule holds it at run time (its declarations omit this shape). */
interface EngineCondition {
  readonly operator: string;
  readonly all?: readonly EngineCondition[];
  readonly any?: readonly EngineCondition[];
  readonly not?: EngineCondition;
  readonly fact?: string;
  readonly value?: unknown;
  readonly path?: string;
  readonly params?: Record<string, unknown>;
  isBooleanOperator(): boolean;
  evaluate(almanac: Almanac, operators: OperatorLookup): Promise<Evaluation>;
}

/** What Condition.evaluate asks of its operator map: the operator of a (decorated) name. */
interface OperatorLookup {
  get(name: string): unknown;
}

/** The Engine's operator map (with its decorators), which its Conditions evaluate against. */
interface WithOperators {
  readonly operators: OperatorLookup;
}

/** One Engine for its operator map (operators and decorators are the same for every rule). */
const OPERATORS: OperatorLookup = (new Engine([], ENGINE_OPTIONS) as unknown as WithOperators).operators;

/**
 * The facts of the run in progress. Condition.evaluate asks the Almanac for its fact and value
 * synchronously, before its first `await`, so a run sets this, starts every comparison and
 * clears it; overlapping runs never see each other's facts (run-differential.test.ts checks).
 */
const NO_FACTS: Readonly<Record<string, FactValue>> = Object.freeze({});
let current = NO_FACTS;

/**
 * One json-rules-engine Almanac for every run, holding for each fact id a Fact that reads the run
 * in progress (uncached, so nothing of one run stays for the next): a run builds no Almanac and
 * no Fact. An id the run does not give reads as undefined, as json-rules-engine's
 * `allowUndefinedFacts` gives for a fact it does not have.
 */
const ALMANAC = new Almanac(ENGINE_OPTIONS);
const registered = new Set<string>();

function register(id: string): void {
  if (registered.has(id)) return;
  registered.add(id);
  ALMANAC.addFact(new Fact(id, () => (Object.hasOwn(current, id) ? current[id] : undefined), NO_CACHE));
}

/**
 * A node of the rule as a run reads it back: a comparison (`leaf`, its index among the run's
 * evaluations) or all/any/not of nodes. Worked out once, so a run asks no Condition what it is.
 */
type Plan =
  | { readonly kind: 'leaf'; readonly c: EngineCondition; readonly index: number }
  | { readonly kind: 'all' | 'any'; readonly children: readonly Plan[] }
  | { readonly kind: 'not'; readonly child: Plan };

/**
 * Each operator name the rules use, resolved once through the Engine's operator map (a decorated
 * name such as `everyFact:equal` is decorated there, by json-rules-engine): the map handed to
 * Condition.evaluate, so a comparison does not parse its operator's name again on every run. An
 * unknown name is left out, so the Condition refuses it as the Engine's map would.
 */
const RESOLVED = new Map<string, unknown>();

function resolve(name: string): void {
  if (RESOLVED.has(name)) return;
  const op = OPERATORS.get(name);
  if (op) RESOLVED.set(name, op);
}

/** The plan of `c` (a Condition of the rule), its comparisons appended to `leaves` depth first. */
function planOf(c: EngineCondition, leaves: EngineCondition[]): Plan {
  if (!c.isBooleanOperator()) {
    leaves.push(c);
    if (c.fact !== undefined) register(c.fact);
    const v = c.value;
    // `value: {fact}` compares with another fact, which the Almanac is asked for too.
    if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, 'fact')) register((v as { fact: string }).fact);
    resolve(c.operator);
    return { kind: 'leaf', c, index: leaves.length - 1 };
  }
  if (c.not) return { kind: 'not', child: planOf(c.not, leaves) };
  return { kind: c.all ? 'all' : 'any', children: (c.all ?? c.any ?? []).map((child) => planOf(child, leaves)) };
}

export class RuleRunner {
  private readonly slots: readonly EngineCondition[];
  /** Worked out at the first run: a catalogue of thousands of items loads without it. */
  private compiled: { readonly plans: readonly Plan[]; readonly leaves: readonly EngineCondition[] } | null = null;
  private plain: Engine | null = null;

  /** `slots` are the conditions to evaluate, as the children of one rule's `any`. */
  constructor(
    private readonly name: string,
    private readonly source: readonly TopLevelCondition[] | readonly object[],
    private readonly shared: ReadonlyMap<string, TopLevelCondition>,
  ) {
    const inlined = source.map((s) => inline(s, shared, []));
    // Made by json-rules-engine's Rule, so each node is its Condition (operators checked, priorities set).
    const rule = new Rule({ name, conditions: { any: inlined as TopLevelCondition[] }, event: EVENT });
    this.slots = (rule.conditions as unknown as EngineCondition).any ?? [];
  }

  /**
   * A plain json-rules-engine Engine with the same rule and shared conditions, made when first
   * asked for (the differential test and the benchmark compare against it): a catalogue of
   * thousands of items does not keep an Engine per version it never needs.
   */
  get engine(): Engine {
    if (!this.plain) {
      this.plain = new Engine([], ENGINE_OPTIONS);
      for (const [id, cond] of this.shared) this.plain.setCondition(id, cond);
      this.plain.addRule({ name: this.name, conditions: { any: this.source as TopLevelCondition[] }, event: EVENT });
    }
    return this.plain;
  }

  /** Each slot's annotated result, in slot order. Runs overlap freely: no queue is needed. */
  async evaluate(values: Readonly<Record<string, FactValue>>): Promise<readonly ResultNode[]> {
    let compiled = this.compiled;
    if (!compiled) {
      const leaves: EngineCondition[] = [];
      const plans = this.slots.map((s) => planOf(s, leaves));
      compiled = this.compiled = { plans, leaves };
    }
    const { plans, leaves } = compiled;
    const pending: Array<Promise<Evaluation>> = new Array(leaves.length);
    current = values;
    try {
      for (let i = 0; i < leaves.length; i++) pending[i] = leaves[i]!.evaluate(ALMANAC, RESOLVED);
    } finally {
      current = NO_FACTS;
    }
    const evaluations = await Promise.all(pending);
    const out: ResultNode[] = new Array(plans.length);
    for (let i = 0; i < plans.length; i++) out[i] = resultOf(plans[i]!, evaluations);
    return out;
  }
}

/** The result node of `p` from the run's evaluations, as json-rules-engine annotates its tree. */
function resultOf(p: Plan, evaluations: readonly Evaluation[]): ResultNode {
  if (p.kind === 'leaf') {
    const c = p.c;
    const e = evaluations[p.index]!;
    const out: { fact?: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown>; factResult: unknown; valueResult: unknown; result: boolean } = {
      fact: c.fact!,
      operator: c.operator,
      value: c.value,
      factResult: e.leftHandSideValue,
      valueResult: e.rightHandSideValue,
      // As json-rules-engine stores it: the operator's own return value.
      result: e.result as boolean,
    };
    if (c.path !== undefined) out.path = c.path;
    if (c.params !== undefined) out.params = c.params;
    return out;
  }
  if (p.kind === 'not') {
    const child = resultOf(p.child, evaluations);
    return { not: child, result: !child.result === true };
  }
  const n = p.children.length;
  const children: ResultNode[] = new Array(n);
  for (let i = 0; i < n; i++) children[i] = resultOf(p.children[i]!, evaluations);
  // json-rules-engine: no children passes; one child is its result; else every / some `=== true`.
  const result = n === 0 ? true : n === 1 ? children[0]!.result === true : p.kind === 'all' ? children.every((x) => x.result === true) : children.some((x) => x.result === true);
  return p.kind === 'all' ? { all: children, result } : { any: children, result };
}

/**
 * `cond` with every `{condition: id}` replaced by the shared condition it names, as json-rules-engine
 * would realize it on each run. The pack refuses unknown and circular references before this.
 */
function inline(cond: unknown, shared: ReadonlyMap<string, TopLevelCondition>, via: readonly string[]): unknown {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) return cond;
  const c = cond as Record<string, unknown>;
  if (typeof c['condition'] === 'string') {
    const id = c['condition'];
    const target = shared.get(id);
    if (!target || via.includes(id)) throw new Error(`共享条件 ${id} ${target ? '循环引用' : '不存在'}`);
    return inline(target, shared, [...via, id]);
  }
  for (const op of ['all', 'any'] as const) {
    const list = c[op];
    if (Array.isArray(list)) return { ...c, [op]: list.map((x) => inline(x, shared, via)) };
  }
  if (c['not'] !== undefined) return { ...c, not: inline(c['not'], shared, via) };
  return c;
}
