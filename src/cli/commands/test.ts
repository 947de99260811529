import { coverageOf, loadScenarios, renderCoverage, renderTestReport, runSuite, summaryLine, type TestRun } from '../../scenarios/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { TestFlags } from '../syntax/test.ts';

export async function test(ctx: Context, opts: TestFlags): Promise<number> {
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const suite = await loadScenarios(ctx.file(opts.rules), pack);
  const run = await runSuite(suite, pack);
  const coverage = opts.coverage ? coverageOf(pack, run.results) : null;
  if (opts.json) {
    ctx.stdout.write(JSON.stringify({ ...jsonOf(run, opts.rules), ...(coverage ? { coverage } : {}) }, null, 2) + '\n');
    ctx.stderr.write(summaryLine(run) + '\n');
  } else {
    let text = renderTestReport(run, opts.rules);
    if (coverage) text += renderCoverage(coverage, opts.rules);
    ctx.stdout.write(`${text}\n${summaryLine(run)}\n`);
  }
  return run.errors.length > 0 ? EXIT.usage : run.failed > 0 ? EXIT.invalid : EXIT.ok;
}

function jsonOf(run: TestRun, rules: string): Record<string, unknown> {
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
          missing: d?.missing.map((m) => ({ id: m.id, problem: m.problem })) ?? null,
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
  };
}
