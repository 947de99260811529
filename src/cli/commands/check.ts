import { performance } from 'node:perf_hooks';
import { checkPack, type CheckFinding, type CheckReport } from '../../check/index.ts';
import { BianminError, renderMessage } from '../../core/index.ts';
import { Pack } from '../../engine/index.ts';
import { formatDiagnostic, plainDiagnostic, sortDiagnostics, suggest, type Diagnostic } from '../../pack/index.ts';
import { validateWithScenarios } from '../../scenarios/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { CheckFlags } from '../syntax/check.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `bianmin check`: the pack is read and validated as `validate` does (an invalid pack prints its
 * diagnostics, exit 1), then checked; every finding is printed located, a counter-example with
 * the scenario that reproduces it. Exit 0 without errors (warnings allowed), 1 with any.
 */
export async function check(ctx: Context, opts: CheckFlags): Promise<number> {
  if (opts.rules.trim() === '') throw new UsageError('E-USAGE-OPTION', "选项 '--rules <目录>' 不能为空");
  // The one validation of validate and the workbench: templates, and the pack's scenarios.
  const result = await validateWithScenarios(ctx.file(opts.rules));
  if (!result.pack) {
    if (opts.json) {
      ctx.stdout.write(JSON.stringify({ ok: false, errors: result.errors.map(withoutScenario), warnings: result.warnings.map(withoutScenario), stats: null }, null, 2) + '\n');
    } else {
      for (const d of result.errors) ctx.stdout.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
      for (const d of result.warnings) ctx.stdout.write(`警告 ${formatDiagnostic(d, opts.rules)}\n`);
      ctx.stdout.write(`规则包 ${opts.rules} 校验未通过，无法静态检查：${result.errors.length} 处错误，${result.warnings.length} 条警告\n`);
    }
    return EXIT.invalid;
  }
  const pack = new Pack(result.pack);
  // One --item takes several codes (`--item MZ-001 MZ-004`), and may be given more than once.
  const given = opts.item === undefined ? [] : Array.isArray(opts.item) ? opts.item : [opts.item];
  const items = given.length > 0 ? given : undefined;
  for (const code of items ?? []) {
    if (pack.engine.items.has(code)) continue;
    const codes = [...pack.engine.items.keys()];
    const near = suggest(code, codes);
    throw new BianminError('E-APP-UNKNOWN-ITEM', renderMessage('E-APP-UNKNOWN-ITEM', { code, hint: near ? `；是否应为 ${near}？` : `；规则包 ${opts.rules} 中的事项：${codes.join('、')}` }), { path: '--item' });
  }
  const started = performance.now();
  const report = withScenarioWarnings(await checkPack(pack, items ? { items } : {}), result.scenarioWarnings, items ? new Set(items.map((c) => result.pack!.items.get(c)!.file)) : null);
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) {
    const ok = report.errors.length === 0;
    ctx.stdout.write(JSON.stringify({ ok, errors: report.errors.map(finding), warnings: report.warnings.map(finding), stats: { ...report.stats, seconds: Math.round(seconds * 1000) / 1000 } }, null, 2) + '\n');
  } else {
    printFindings(ctx, report, opts.rules);
    ctx.stdout.write(`${summary(report, opts.rules, seconds)}\n`);
  }
  return report.errors.length === 0 ? EXIT.ok : EXIT.invalid;
}

/**
 * The report with validate's W-CHANGE-LOST-SUBMITTED among its warnings (no counter-example: the
 * scenario is named in the message), only those of the checked items' files with --item.
 */
function withScenarioWarnings(report: CheckReport, lost: readonly Diagnostic[], files: ReadonlySet<string> | null): CheckReport {
  const extra: CheckFinding[] = lost.filter((d) => files === null || files.has(d.file)).map((d) => ({ ...d, scenario: null }));
  if (extra.length === 0) return report;
  // sortDiagnostics keeps the objects: each is still a finding.
  return { ...report, warnings: sortDiagnostics([...report.warnings, ...extra]) as CheckFinding[] };
}

/** Each finding located, as validate prints diagnostics, its scenario (if any) indented under it. */
export function printFindings(ctx: Context, report: Pick<CheckReport, 'errors' | 'warnings'>, rules: string): void {
  const print = (label: string, f: CheckFinding): void => {
    ctx.stdout.write(`${label} ${formatDiagnostic(f, rules)}\n`);
    if (f.scenario) {
      ctx.stdout.write('    可粘贴到 tests/ 下场景文件 scenarios: 之下的反例场景：\n');
      for (const line of f.scenario.replace(/\n+$/, '').split('\n')) ctx.stdout.write(`    ${line}\n`);
    }
  };
  for (const f of report.errors) print('错误', f);
  for (const f of report.warnings) print('警告', f);
}

/** `规则包 rules 静态检查通过：17 个事项、20 个版本、96 种事实组合，用时 0.4 秒（0 条警告）`. */
export function summary(report: CheckReport, rules: string, seconds: number): string {
  const { items, versions, combinations } = report.stats;
  const scope = `${items} 个事项、${versions} 个版本、${combinations} 种事实组合，用时 ${seconds.toFixed(1)} 秒`;
  return report.errors.length === 0
    ? `规则包 ${rules} 静态检查通过：${scope}（${report.warnings.length} 条警告）`
    : `规则包 ${rules} 静态检查未通过：${report.errors.length} 处错误，${report.warnings.length} 条警告（${scope}）`;
}

/** A finding's JSON: the diagnostic's six fields and its scenario. */
export function finding(f: CheckFinding): Diagnostic & { scenario: string | null } {
  return { ...plainDiagnostic(f), scenario: f.scenario };
}

function withoutScenario(d: Diagnostic): Diagnostic & { scenario: null } {
  return { ...plainDiagnostic(d), scenario: null };
}
