import type { Command } from 'commander';
import { coverageOf, loadScenarios, renderCoverage, renderTestReport, runSuite, summaryLine, type TestRun } from '../../scenarios/index.ts';
import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';

interface TestFlags {
  rules: string;
  json?: boolean;
  coverage?: boolean;
}

export function registerTest(program: Command): void {
  program
    .command('test')
    .description('运行规则包的场景测试（tests/*.yaml）：逐个场景比对期望与实际的处理结果；最后一行为 “N passed, N failed”')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出结果（汇总行 “N passed, N failed” 改写到标准错误）')
    .option('--coverage', '列出没有任何场景检验到的事项、材料、受理条件、责任追究规则和考评等级')
    .addHelpText('after', '\n退出码：0 全部通过；1 有场景未通过（或规则包无法加载）；2 场景文件有错误（给出文件:行:列）。')
    .action(async (opts: TestFlags) => {
      const pack = await openPack(opts.rules);
      if (!pack) return;
      const suite = await loadScenarios(opts.rules, pack);
      const run = await runSuite(suite, pack);
      const coverage = opts.coverage ? coverageOf(pack, run.results) : null;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...jsonOf(run, opts.rules), ...(coverage ? { coverage } : {}) }, null, 2) + '\n');
        process.stderr.write(summaryLine(run) + '\n');
      } else {
        let text = renderTestReport(run, opts.rules);
        if (coverage) text += renderCoverage(coverage, opts.rules);
        process.stdout.write(`${text}\n${summaryLine(run)}\n`);
      }
      process.exitCode = run.errors.length > 0 ? EXIT.usage : run.failed > 0 ? EXIT.invalid : EXIT.ok;
    });
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
