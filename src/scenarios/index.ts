/**
 * Scenario tests for policy officers (rules/tests/*.yaml): load and check them against a pack,
 * run them (`bianmin test`), report what no scenario exercises (coverage), and replay them on two
 * versions of a pack to show what a change alters (`bianmin diff`).
 */
export { loadScenarios, nameMatches, scenarioFiles, TESTS_DIR, type ScenarioSelection } from './load.ts';
export type { LoadedScenario, ScenarioSuite } from './model.ts';
export { runSuite, type ScenarioResult, type TestRun } from './suite.ts';
export type { Failure } from './expect.ts';
export type { Outcome } from './run.ts';
export { lostSubmittedMaterials, materialLosses, validateWithScenarios, type FullValidation } from './change-loss.ts';
export { coverageOf, type Coverage, type CoverageArea, type Gap } from './coverage.ts';
export { renderCoverage, renderTestReport, summaryLine } from './report.ts';
export { testRunJson } from './json.ts';
export { resolveBase, BaseError, type BasePack } from './base.ts';
export { whatIf, type WhatIfReport, type WhatIfOptions, type Changed, type Subject } from './whatif.ts';
export type { Comparison, FieldChange, RuleChange, Aspect } from './diff.ts';
export { diffJson, diffText, type DiffLabels } from './diff-report.ts';
