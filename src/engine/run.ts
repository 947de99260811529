/**
 * Runs one compiled json-rules-engine Engine. An Engine keeps its run status on itself, so two
 * overlapping `run()`s on one Engine can make the later one skip its rules and report nothing
 * (the first to finish marks the engine FINISHED). Runs on one Engine are therefore queued; the
 * queue costs nothing when idle. Facts go in as Fact instances with caching off: caching keys
 * are hashes of the fact and its params, which cost more than reading a constant.
 */
import { Engine, Fact, type EngineResult, type TopLevelCondition } from 'json-rules-engine';
import type { ResultNode } from './condition.ts';
import type { FactValue } from './facts.ts';

const NO_CACHE = { cache: false } as const;

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

export class RuleRunner {
  readonly engine: Engine;
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  /** `slots` are the conditions to evaluate, as the children of one rule's `any`. */
  constructor(name: string, slots: readonly TopLevelCondition[] | readonly object[], shared: ReadonlyMap<string, TopLevelCondition>) {
    this.engine = new Engine([], ENGINE_OPTIONS);
    for (const [id, cond] of shared) this.engine.setCondition(id, cond);
    // One rule whose children are evaluated together (same priority, so no short-circuit) gives
    // every slot's annotated result for one clone and one event, instead of one per slot.
    this.engine.addRule({ name, conditions: { any: slots as TopLevelCondition[] }, event: { type: 'evaluated' } });
  }

  /** Each slot's annotated result, in slot order. */
  async evaluate(values: Readonly<Record<string, FactValue>>): Promise<readonly ResultNode[]> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    try {
      return slotsOf(await this.engine.run(engineFacts(values)));
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}

function slotsOf(result: EngineResult): readonly ResultNode[] {
  const rule = result.results[0] ?? result.failureResults[0];
  const top = rule?.conditions as ResultNode | undefined;
  if (!top?.any) throw new Error('规则引擎未返回判断结果');
  return top.any;
}
