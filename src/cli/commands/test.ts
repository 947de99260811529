import { statSync } from 'node:fs';
import path from 'node:path';
import { coverageOf, loadScenarios, renderCoverage, renderTestReport, runSuite, summaryLine, testRunJson, type ScenarioSelection } from '../../scenarios/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { TestFlags } from '../syntax/test.ts';
import { UsageError } from '../usage-error.ts';

export async function test(ctx: Context, files: readonly string[], opts: TestFlags): Promise<number> {
  if (opts.name !== undefined && opts.name.trim() === '') throw new UsageError('E-USAGE-OPTION', "选项 '--name <模式>' 不能为空");
  const rulesDir = ctx.file(opts.rules);
  const selection: ScenarioSelection = {
    ...(files.length > 0 ? { files: files.map((f) => packRelative(ctx, rulesDir, f, opts.rules)) } : {}),
    ...(opts.name !== undefined ? { name: opts.name } : {}),
  };
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const suite = await loadScenarios(rulesDir, pack, selection);
  if (opts.name !== undefined && suite.scenarios.length === 0 && suite.errors.length === 0) {
    throw new UsageError('E-USAGE-OPTION', `--name ${JSON.stringify(opts.name)}：${files.length > 0 ? '所指定的场景文件中' : '规则包中'}没有名称包含该文字的场景`);
  }
  const run = await runSuite(suite, pack);
  const coverage = opts.coverage ? coverageOf(pack, run.results) : null;
  if (opts.json) {
    ctx.stdout.write(JSON.stringify(testRunJson(run, opts.rules, coverage), null, 2) + '\n');
    ctx.stderr.write(summaryLine(run) + '\n');
  } else {
    let text = renderTestReport(run, opts.rules);
    if (coverage) text += renderCoverage(coverage, opts.rules);
    ctx.stdout.write(`${text}\n${summaryLine(run)}\n`);
  }
  return run.errors.length > 0 ? EXIT.usage : run.failed > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * A scenario file named on the command line, as a path relative to the pack: taken relative to the
 * working directory, else to the pack directory (`tests/minzheng.yaml`); it must be a file inside the pack.
 */
function packRelative(ctx: Context, rulesDir: string, given: string, rules: string): string {
  const candidates = [ctx.file(given), path.resolve(rulesDir, given)];
  const found = candidates.find((p) => statSync(p, { throwIfNoEntry: false })?.isFile() === true);
  if (found === undefined) throw new UsageError('E-USAGE-FILE', `无法读取场景文件 ${given}：文件不存在或不是文件`);
  const rel = path.relative(rulesDir, found);
  if (rel === '' || rel.split(path.sep)[0] === '..' || path.isAbsolute(rel)) throw new UsageError('E-USAGE-ARGUMENT', `场景文件 ${given} 不在规则包 ${rules} 之内；请放到 ${rules}/tests/ 下`);
  if (!/\.ya?ml$/i.test(rel)) throw new UsageError('E-USAGE-ARGUMENT', `场景文件 ${given} 应为 .yaml 或 .yml 文件`);
  return rel.split(path.sep).join('/');
}
