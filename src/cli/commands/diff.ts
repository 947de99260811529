import type { Command } from 'commander';
import { formatInstant } from '../../calendar/index.ts';
import { PackLoadError, formatDiagnostic } from '../../pack/index.ts';
import type { Pack } from '../../engine/index.ts';
import { loadPack } from '../../documents/index.ts';
import { RecordsError } from '../../records/index.ts';
import { BaseError, canonicalTime, loadScenarios, renderDiff, resolveBase, whatIf } from '../../scenarios/index.ts';

import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';

interface DiffFlags {
  base: string;
  rules: string;
  data?: string;
  days: string;
  at?: string;
  json?: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('变更预演：用基准规则包和当前规则包分别重放全部场景（及登记簿中近期的申请），列出处理结果、期限和责任追究的每一处变化及其依据的规则')
    .requiredOption('--base <目录或git版本>', '基准规则包：目录，或 git 版本（如 HEAD、main、v1.2、提交号），从 git 取出该版本的规则包对比')
    .option('--rules <目录>', '当前规则包目录', 'rules')
    .option('--data <目录>', '数据目录：同时重放登记簿中近 N 天收件的申请，并对比责任追究')
    .option('--days <天数>', '与 --data 同用：重放最近多少天的申请', '30')
    .option('--at <时间>', '以此时间为“现在”（默认当前时间），例如 2026-11-30 17:00')
    .option('--json', '以 JSON 输出')
    .action(async (opts: DiffFlags, cmd: Command) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1 || days > 3660) {
        cmd.error(`错误：--days 应为 1 到 3660 之间的整数，实际是 ${JSON.stringify(opts.days)}`);
        return;
      }
      const now = opts.at === undefined ? formatInstant(Date.now()) : canonicalTime(opts.at);
      if (now === null) {
        cmd.error(`错误：--at 时间格式不正确：${JSON.stringify(opts.at)}，例如 2026-11-30 17:00`);
        return;
      }
      const current = await openPack(opts.rules);
      if (!current) return;
      let base;
      try {
        base = await resolveBase(opts.base, opts.rules);
      } catch (e) {
        if (!(e instanceof BaseError)) throw e;
        process.stderr.write(`错误：${e.message}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      try {
        const basePack = await openBase(base.dir, base.label);
        if (!basePack) return;
        const suite = await loadScenarios(opts.rules, current);
        for (const d of suite.errors) process.stderr.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
        if (suite.errors.length > 0) process.stderr.write(`场景文件有 ${suite.errors.length} 处错误，相应场景不参加对比（运行 bianmin test 查看）\n`);
        let report;
        try {
          report = await whatIf({ base: basePack, current, suite, ...(opts.data ? { data: { dir: opts.data, days, now } } : {}) });
        } catch (e) {
          if (!(e instanceof RecordsError)) throw e;
          process.stderr.write(`错误：数据目录 ${opts.data}：${e.message}\n`);
          process.exitCode = EXIT.invalid;
          return;
        }
        process.stdout.write(opts.json ? JSON.stringify({ base: base.label, rules: opts.rules, ...report }, null, 2) + '\n' : renderDiff(report, { base: base.label, baseDir: base.dir, rulesDir: opts.rules }));
        process.exitCode = suite.errors.length > 0 ? EXIT.usage : EXIT.ok;
      } finally {
        await base.cleanup();
      }
    });
}

/** The base pack, or null (errors printed, exit 1) when it does not load. */
async function openBase(dir: string, label: string): Promise<Pack | null> {
  try {
    return await loadPack(dir);
  } catch (err) {
    if (!(err instanceof PackLoadError)) throw err;
    for (const d of err.errors) process.stderr.write(`错误 ${formatDiagnostic(d, dir)}\n`);
    process.stderr.write(`基准规则包（${label}）无法加载：${err.errors.length} 处错误\n`);
    process.exitCode = EXIT.invalid;
    return null;
  }
}
