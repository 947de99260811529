import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface DiffFlags {
  base?: string;
  catalogue?: boolean;
  rules: string;
  data?: string;
  days: string;
  at?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
}

export function diffSyntax(program: Command, run: Run): void {
  program
    .command('diff')
    .description('变更预演：用基准规则包和当前规则包分别重放全部场景（及登记簿中近期的申请），列出处理结果、期限和责任追究的每一处变化及其依据的规则')
    .option('--base <目录或git版本>', '基准规则包：目录，或 git 版本（如 HEAD、main、v1.2、提交号），从 git 取出该版本的规则包对比（不用 --catalogue 时必须提供）')
    .option('--catalogue', '对照基础目录：列出本规则包（乡镇）采用的每个事项与 center.yaml 的 extends 所指县级目录统一要素的不一致之处、本镇自有事项和未采用的目录事项（不重放场景，不与 --base、--data 同用）')
    .option('--rules <目录>', '当前规则包目录', 'rules')
    .option('--data <目录>', '数据目录：同时重放登记簿中近 N 天收件的申请，并对比责任追究')
    .option('--days <天数>', '与 --data 同用：重放最近多少天的申请', '30')
    .option('--at <时间>', '以此时间为“现在”（默认当前时间），例如 2026-11-30 17:00')
    .option('--limit <件数>', '与 --data 同用：逐件列出的有变化办件最多多少件（按办件编号最前的；其余只计入汇总）。默认文字报告 100 件，--json 全部')
    .option('--all', '与 --data 同用：逐件列出全部有变化的办件（登记簿很大时报告可有几百 MB）')
    .option('--json', '以 JSON 输出')
    .action((opts: DiffFlags) => run(async (ctx) => (await import('../commands/diff.ts')).diff(ctx, opts)));
}
