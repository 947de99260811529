// `decide` runs conditions through RuleRunner, which skips what a plain `engine.run` pays for
// (realizing and deep-copying shared conditions, copying the annotated tree, an Almanac and a
// Fact per fact on every run, parsing operator names). Over random
// condition trees, shared conditions and fact sets, every slot's annotated result — each node's
// result, and each comparison's fact and value results — must be exactly what `engine.run` gives.
import fc from 'fast-check';
import type { EngineResult, TopLevelCondition } from 'json-rules-engine';
import { describe, expect, test } from 'vitest';
import { engineFacts, RuleRunner } from '../../src/engine/run.ts';
import type { FactValue } from '../../src/engine/facts.ts';

const FACTS = ['age', 'name', 'local', 'tags', 'household'] as const;
const OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];
const SCALAR = fc.oneof(fc.integer({ min: -3, max: 70 }), fc.constantFrom('张', '李', ''), fc.boolean(), fc.constant(null));
const VALUE = fc.oneof(SCALAR, fc.array(SCALAR, { maxLength: 3 }), fc.record({ fact: fc.constantFrom(...FACTS, 'absent') }));

// in / notIn take a list (the pack's schema demands one); now and then not, which json-rules-engine refuses.
const LIST_VALUE = fc.oneof({ arbitrary: fc.array(SCALAR, { maxLength: 3 }), weight: 8 }, { arbitrary: VALUE, weight: 1 });
const LEAF = fc
  .record({ fact: fc.constantFrom(...FACTS, 'absent'), operator: fc.constantFrom(...OPERATORS), withPath: fc.boolean() })
  .chain(({ fact, operator, withPath }) =>
    (operator === 'in' || operator === 'notIn' ? LIST_VALUE : VALUE).map((value) => (withPath && fact === 'household' ? { fact, operator, value, path: '$.size' } : { fact, operator, value })),
  );

/** A tree that may reference the shared conditions named in `refs`. */
function tree(refs: readonly string[]): fc.Arbitrary<object> {
  const ref = refs.length > 0 ? [fc.constantFrom(...refs).map((condition) => ({ condition }))] : [];
  const { node } = fc.letrec<{ node: object }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      LEAF,
      ...ref,
      fc.array(tie('node'), { maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  }));
  return node;
}

/** As compile.ts hands them over: a shared condition is a top-level (all/any/not/condition) node. */
const top = (t: object): TopLevelCondition => ('all' in t || 'any' in t || 'not' in t || 'condition' in t ? t : { all: [t] }) as TopLevelCondition;

/** Shared conditions s0, s1, s2, each may use the ones before it (never a cycle, as the pack ensures). */
const SHARED = tree([])
  .chain((s0) => tree(['s0']).map((s1) => [s0, s1]))
  .chain(([s0, s1]) => tree(['s0', 's1']).map((s2) => new Map<string, TopLevelCondition>([['s0', top(s0!)], ['s1', top(s1!)], ['s2', top(s2)]])));

const FACT_VALUES = fc.record(
  {
    age: fc.integer({ min: -1, max: 70 }),
    name: fc.constantFrom('张', '李', ''),
    local: fc.boolean(),
    tags: fc.array(fc.constantFrom('张', '李', 1, true), { maxLength: 3 }),
    household: fc.record({ size: fc.integer({ min: 0, max: 6 }) }),
  },
  { requiredKeys: [] },
);

const CASE = SHARED.chain((shared) => fc.tuple(fc.constant(shared), fc.array(tree(['s0', 's1', 's2']), { minLength: 1, maxLength: 4 }), FACT_VALUES));

/** The fields `decide` reads from an annotated node, recursively, undefined ones left out. */
function reading(node: unknown): unknown {
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['fact', 'value', 'path', 'factResult', 'valueResult', 'result']) if (n[key] !== undefined) out[key] = n[key];
  if (Array.isArray(n['all'])) out['all'] = n['all'].map(reading);
  if (Array.isArray(n['any'])) out['any'] = n['any'].map(reading);
  if (n['not'] !== undefined) out['not'] = reading(n['not']);
  return out;
}

/** The results, or that the run was refused (which comparison throws first may differ). */
async function outcome(run: () => Promise<unknown>): Promise<{ value: unknown } | { error: true }> {
  try {
    return { value: await run() };
  } catch {
    return { error: true };
  }
}

function plainSlots(result: EngineResult): unknown[] {
  const rule = result.results[0] ?? result.failureResults[0];
  return ((rule?.conditions as { any?: unknown[] } | undefined)?.any ?? []).map(reading);
}

describe('RuleRunner agrees with a plain engine.run', () => {
  test('10,000 random condition trees with shared conditions and fact sets', async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(CASE, async ([shared, slots, values]) => {
        const runner = new RuleRunner('diff', slots, shared);
        const facts = values as Record<string, FactValue>;
        // An operator given a value it cannot take (notIn false) throws in json-rules-engine: the same error here.
        const plain = await outcome(async () => plainSlots(await runner.engine.run(engineFacts(facts))));
        expect(await outcome(async () => (await runner.evaluate(facts)).map(reading))).toStrictEqual(plain);
        if ('value' in plain) decided++;
        // Runs share nothing: the same runner gives the same answer again.
        expect(await outcome(async () => (await runner.evaluate(facts)).map(reading))).toStrictEqual(plain);
      }),
      { numRuns: 10_000 },
    );
    // Most cases must be decided, not refused, for the comparison to mean something.
    expect(decided).toBeGreaterThan(7_000);
  });

  test('hundreds of overlapping runs of different trees and facts each give their own engine.run results', async () => {
    // Runs read their facts through one shared Almanac: started together, none may see another's
    // facts (a fact one run gives and the next lacks must read as absent in the second).
    const cases = fc.sample(CASE, { numRuns: 400, seed: 17 });
    const runners = cases.map(([shared, slots]) => new RuleRunner('overlap', slots, shared));
    const together = await Promise.all(cases.map(([, , values], i) => outcome(async () => (await runners[i]!.evaluate(values as Record<string, FactValue>)).map(reading))));
    for (const [i, [, , values]] of cases.entries()) {
      const plain = await outcome(async () => plainSlots(await runners[i]!.engine.run(engineFacts(values as Record<string, FactValue>))));
      expect(together[i]).toStrictEqual(plain);
    }
  });

  test('overlapping runs on one runner each get their own facts’ results', async () => {
    const runner = new RuleRunner('overlap', [{ fact: 'age', operator: 'greaterThanInclusive', value: 60 }], new Map());
    const ages = Array.from({ length: 50 }, (_, i) => 40 + i);
    const results = await Promise.all(ages.map((age) => runner.evaluate({ age })));
    expect(results.map((r) => r[0]!.result)).toEqual(ages.map((a) => a >= 60));
  });
});
