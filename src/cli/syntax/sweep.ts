import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { withRecordsOptions, type RecordsFlags } from './records-options.ts';

export interface SweepFlags extends RecordsFlags {
  at?: string;
}

export function sweepSyntax(program: Command, run: Run): void {
  withRecordsOptions(
    program
      .command('sweep')
      .description('电子监察：检查全部在办件的期限，列出黄牌（临近期限）和红牌（超期）办件及责任人（A岗，或顶岗的B岗）')
      .option('--at <时间>', '检查时间（ISO 8601），默认当前时间'),
  ).action((opts: SweepFlags) => run(async (ctx) => (await import('../commands/sweep.ts')).sweep(ctx, opts)));
}
