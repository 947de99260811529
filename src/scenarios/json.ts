/**
 * The JSON of `bianmin test --json` (with `--coverage`, its `coverage`), built here so that the
 * service's draft tests answer exactly what the command line prints.
 */
import type { Coverage } from './coverage.ts';
import type { TestRun } from './suite.ts';

export function testRunJson(run: TestRun, rules: string, coverage: Coverage | null = null): Record<string, unknown> {
  return {
    rules,
    files: run.suite.files,
    passed: run.passed,
    failed: run.failed,
    scenarios: run.results.map((r) => {
      const s = r.scenario;
      const d = r.outcome.decision;
      return {
        file: s.file,
        line: s.line,
        column: s.column,
        name: s.name,
        status: r.status,
        failures: r.failures.map((f) => ({ ...f, line: s.source.locate(['scenarios', s.index, ...f.path]).line })),
        error: r.error,
        actual: {
          kind: d?.kind ?? null,
          mode: d?.mode ?? null,
          missing: d?.missing.map((m) => ({ id: m.id, ...(m.party !== undefined ? { party: m.party } : {}), problem: m.problem })) ?? null,
          correctable: d ? (d.correctable ?? []).map((m) => ({ id: m.id, ...(m.party !== undefined ? { party: m.party } : {}), problem: m.problem })) : null,
          deferred: d?.deferred.map((m) => m.id) ?? null,
          reasons: d?.reasons.map((x) => x.code) ?? null,
          deadline: r.outcome.deadline ? { promised: r.outcome.deadline.promised.due, statutory: r.outcome.deadline.statutory.due } : null,
          warning: r.outcome.clock?.level ?? null,
          sanctions: r.outcome.sanctions ? Object.fromEntries(r.outcome.sanctions.staff.filter((x) => x.actions.length > 0).map((x) => [x.staff, x.actions.map((a) => a.action)])) : null,
        },
        trace: r.status === 'failed' && d ? d.trace : undefined,
      };
    }),
    errors: run.errors,
    warnings: run.suite.warnings,
    ...(coverage ? { coverage } : {}),
  };
}
