import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { withRecordsOptions, type RecordsFlags } from './records-options.ts';

export interface SanctionsFlags extends RecordsFlags {
  at?: string;
  all?: boolean;
}

export function sanctionsSyntax(program: Command, run: Run): void {
  withRecordsOptions(
    program
      .command('sanctions')
      .description('责任追究：按 policy.yaml 的追究规则，列出统计区间内每位工作人员应受的处理及其依据（投诉、超时办件等）')
      .option('--at <时间>', '截至时间（ISO 8601），默认当前时间')
      .option('--all', '列出全部工作人员（包括没有处理的）'),
  ).action((opts: SanctionsFlags) => run(async (ctx) => (await import('../commands/sanctions.ts')).sanctions(ctx, opts)));
}
