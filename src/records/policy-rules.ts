/**
 * The pack's discipline rules and assessment grades as json-rules-engine rules. Facts are plain
 * numbers and booleans computed by the records; the rules, thresholds and actions are YAML.
 */
import { Engine } from 'json-rules-engine';
import { toTopLevel } from '../engine/index.ts';
import type { Condition } from '../pack/index.ts';

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
