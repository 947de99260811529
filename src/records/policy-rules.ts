/**
 * The pack's discipline rules and assessment grades as json-rules-engine rules. Facts are plain
 * numbers and booleans computed by the records; the rules, thresholds and actions are YAML.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../pack/schema-types.ts';

/** A plain, unfrozen copy in json-rules-engine's shape (it writes into condition objects). */
function toEngine(cond: Condition): NestedCondition {
  if ('all' in cond) return { all: cond.all.map(toEngine) };
  if ('any' in cond) return { any: cond.any.map(toEngine) };
  if ('not' in cond) return { not: toEngine(cond.not) };
  if ('condition' in cond) return { condition: cond.condition };
  const leaf: { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> } = {
    fact: cond.fact,
    operator: cond.operator,
    value: structuredClone(cond.value),
  };
  if (cond.path !== undefined) leaf.path = cond.path;
  if (cond.params !== undefined) leaf.params = structuredClone(cond.params);
  return leaf;
}

/** json-rules-engine wants all/any/not/condition at the top. */
function toTopLevel(cond: Condition): TopLevelCondition {
  const c = toEngine(cond);
  return 'all' in c || 'any' in c || 'not' in c || 'condition' in c ? (c as TopLevelCondition) : { all: [c] };
}

/** The facts a condition reads. */
export function factsOf(cond: Condition): Set<string> {
  const out = new Set<string>();
  const stack: Condition[] = [cond];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if ('all' in c) stack.push(...c.all);
    else if ('any' in c) stack.push(...c.any);
    else if ('not' in c) stack.push(c.not);
    else if ('fact' in c) out.add(c.fact);
  }
  return out;
}

/**
 * Rules compiled once into one engine; `run(facts)` returns the indexes (in `conditions` order)
 * of the rules whose condition holds.
 */
export class RuleSet {
  private readonly engine: Engine;

  constructor(conditions: ReadonlyArray<Condition | undefined>) {
    // Every fact is supplied on each run; an unknown one is a pack error caught by validation.
    this.engine = new Engine([], { allowUndefinedFacts: false });
    conditions.forEach((cond, i) => {
      if (cond) this.engine.addRule({ conditions: toTopLevel(cond), event: { type: String(i) }, name: String(i) });
    });
  }

  async run(facts: Readonly<Record<string, number | boolean>>): Promise<Set<number>> {
    const { events } = await this.engine.run({ ...facts });
    return new Set(events.map((e) => Number(e.type)));
  }
}
