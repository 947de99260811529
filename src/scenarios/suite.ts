/**
 * `bianmin test`: every scenario of the pack run and checked against its expectations. A scenario
 * the pack cannot run (a fact it does not declare …) is a broken test, located like a file error.
 */
import type { Pack } from '../engine/index.ts';
import type { Diagnostic } from '../pack/index.ts';
import { compare, type Failure } from './expect.ts';
import type { LoadedScenario, ScenarioSuite } from './model.ts';
import { PackRefs } from './refs.ts';
import { ScenarioRunner, type Outcome } from './run.ts';

export interface ScenarioResult {
  readonly scenario: LoadedScenario;
  readonly outcome: Outcome;
  readonly status: 'passed' | 'failed' | 'broken';
  readonly failures: readonly Failure[];
  /** For a broken scenario: where and why. */
  readonly error: Diagnostic | null;
}

export interface TestRun {
  readonly suite: ScenarioSuite;
  readonly results: readonly ScenarioResult[];
  readonly passed: number;
  /** Failed and broken scenarios. */
  readonly failed: number;
  /** Broken files and scenarios: `bianmin test` exits 2 when there is any. */
  readonly errors: readonly Diagnostic[];
}

export async function runSuite(suite: ScenarioSuite, pack: Pack): Promise<TestRun> {
  const runner = new ScenarioRunner(pack);
  const refs = new PackRefs(pack);
  const results: ScenarioResult[] = [];
  try {
    for (const s of suite.scenarios) {
      const outcome = await runner.run(s);
      if (outcome.problem) {
        const p = outcome.problem;
        const error = s.source.diagnostic(['scenarios', s.index, ...p.path], p.code, `场景“${s.name}”无法运行：${p.message}`);
        results.push({ scenario: s, outcome, status: 'broken', failures: [], error });
        continue;
      }
      const failures = compare(s, outcome, refs);
      results.push({ scenario: s, outcome, status: failures.length === 0 ? 'passed' : 'failed', failures, error: null });
    }
  } finally {
    await runner.close();
  }
  const passed = results.filter((r) => r.status === 'passed').length;
  return {
    suite,
    results,
    passed,
    failed: results.length - passed,
    errors: [...suite.errors, ...results.flatMap((r) => (r.error ? [r.error] : []))],
  };
}
