import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { withRecordsOptions, type RecordsFlags } from './records-options.ts';

export interface MetricsFlags extends RecordsFlags {
  month?: string;
  period?: string;
  at?: string;
  staff?: string;
}

export function metricsSyntax(program: Command, run: Run): void {
  withRecordsOptions(
    program
      .command('metrics')
      .description('综合考评指标：每位工作人员和每个窗口的及时办结率、咨询首问受理率、首问事项办结率、投诉数，以及按 policy.yaml 评定的等级')
      .option('--month <月份>', '考评月份，例如 2026-11')
      .option('--period <期间>', '其他期间：2026（年）、2026-Q4（季度）、2026-H2（半年）')
      .option('--staff <标识>', '只看一位工作人员')
      .option('--at <时间>', '计算时间（ISO 8601），默认当前时间'),
  ).action((opts: MetricsFlags) => run(async (ctx) => (await import('../commands/metrics.ts')).metrics(ctx, opts)));
}
