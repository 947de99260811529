// The sample pack's own scenarios (rules/tests/*.yaml) run with `npm test`: every one passes, and
// together they exercise every item, referral, eligibility condition and discipline rule.
import { describe, expect, test } from 'vitest';
import { loadPack } from '../../src/index.ts';
import { coverageOf, loadScenarios, renderTestReport, runSuite } from '../../src/scenarios/index.ts';
import { RULES } from './helpers.ts';

describe('rules/tests', async () => {
  const pack = await loadPack(RULES);
  const suite = await loadScenarios(RULES, pack);
  const run = await runSuite(suite, pack);

  test('the scenario files are well formed', () => {
    expect(suite.errors, suite.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n')).toEqual([]);
    expect(suite.warnings).toEqual([]);
  });

  test('every sample scenario passes', () => {
    // On failure, the officer's report says which scenario, what was expected and why it differs.
    expect(run.failed, renderTestReport(run, 'rules')).toBe(0);
    expect(run.passed).toBe(suite.scenarios.length);
  });

  test('at least one scenario per item and referral, and one per discipline rule', () => {
    const c = coverageOf(pack, run.results);
    const names = (gaps: ReadonlyArray<{ id: string }>) => gaps.map((g) => g.id);
    expect(names(c.items.gaps)).toEqual([]);
    expect(names(c.referrals.gaps)).toEqual([]);
    expect(names(c.discipline.gaps)).toEqual([]);
    expect(c.items.total).toBe(pack.data.items.size);
    expect(c.discipline.total).toBe(pack.data.policy.discipline.rules.length);
  });
});
