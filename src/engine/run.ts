/**
 * Runs a version's compiled conditions with json-rules-engine. Every comparison is evaluated by
 * json-rules-engine's own Condition (its operators, its Almanac of facts, its path resolution); what
 * `decide` does not use is not paid for: shared conditions are inlined once, at compile time,
 * instead of being realized and deep-copied into the rule on every run, and a run annotates no
 * copy of the rule's tree — each run builds only the small result nodes it returns. The boolean
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
  evaluate(almanac: Almanac, operators: unknown): Promise<Evaluation>;
}

/** The Engine's operator map (with its decorators), which its Conditions evaluate against. */
interface WithOperators {
  readonly operators: unknown;
}

/** One Engine for its operator map (operators and decorators are the same for every rule). */
const OPERATORS: unknown = (new Engine([], ENGINE_OPTIONS) as unknown as WithOperators).operators;

export class RuleRunner {
  private readonly slots: readonly EngineCondition[];
  /** Every comparison of every slot, depth first: the order results are read back in. */
  private readonly leaves: readonly EngineCondition[] = [];
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
    const leaves: EngineCondition[] = [];
    const collect = (c: EngineCondition): void => {
      if (!c.isBooleanOperator()) leaves.push(c);
      else if (c.not) collect(c.not);
      else for (const child of c.all ?? c.any ?? []) collect(child);
    };
    this.slots.forEach(collect);
    this.leaves = leaves;
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

  /** Each slot's annotated result, in slot order. Runs share nothing: no queue is needed. */
  async evaluate(values: Readonly<Record<string, FactValue>>): Promise<readonly ResultNode[]> {
    const almanac = new Almanac(ENGINE_OPTIONS);
    for (const id in values) almanac.addFact(new Fact(id, values[id], NO_CACHE));
    const evaluations = await Promise.all(this.leaves.map((leaf) => leaf.evaluate(almanac, OPERATORS)));
    const read = new ResultReader(evaluations);
    return this.slots.map((s) => read.node(s));
  }
}

/** Builds the result nodes of one run from its comparisons' evaluations, in leaf order. */
class ResultReader {
  private next = 0;
  constructor(private readonly evaluations: readonly Evaluation[]) {}

  node(c: EngineCondition): ResultNode {
    if (!c.isBooleanOperator()) {
      const e = this.evaluations[this.next++]!;
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
    if (c.not) {
      const child = this.node(c.not);
      return { not: child, result: !child.result === true };
    }
    const children = (c.all ?? c.any ?? []).map((child) => this.node(child));
    // json-rules-engine: no children passes; one child is its result; else every / some `=== true`.
    const result = children.length === 0 ? true : children.length === 1 ? children[0]!.result === true : c.all ? children.every((x) => x.result === true) : children.some((x) => x.result === true);
    return c.all ? { all: children, result } : { any: children, result };
  }
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
