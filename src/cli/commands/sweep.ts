import type { Command } from 'commander';
import { describeDuration } from '../../calendar/index.ts';
import { printJson, runWithRecords, shortTime, withRecordsOptions, type RecordsFlags } from '../records-context.ts';

interface SweepFlags extends RecordsFlags {
  at?: string;
}

const ROLE: Readonly<Record<string, string>> = { A: 'A岗', B: 'B岗顶岗', handler: '经办人' };

export function registerSweep(program: Command): void {
  withRecordsOptions(
    program
      .command('sweep')
      .description('电子监察：检查全部在办件的期限，列出黄牌（临近期限）和红牌（超期）办件及责任人（A岗，或顶岗的B岗）')
      .option('--at <时间>', '检查时间（ISO 8601），默认当前时间'),
  ).action(async (opts: SweepFlags) => {
    await runWithRecords(opts, 'read', async (records) => {
      const report = records.sweep(opts.at ? { now: opts.at } : {});
      if (opts.json) return printJson(report);
      const out = [`电子监察（${shortTime(report.asOf)}）：在办 ${report.open} 件，正常 ${report.normal} 件，黄牌 ${report.yellow} 件，红牌 ${report.red} 件`];
      for (const f of report.flagged) {
        const left = f.remaining.amount < 0 ? `已超期 ${describeDuration({ amount: -f.remaining.amount, unit: f.remaining.unit as 'workingDays' })}` : `剩余 ${describeDuration({ amount: f.remaining.amount, unit: f.remaining.unit as 'workingDays' })}`;
        out.push(
          `  ${f.level === 'red' ? '红牌' : '黄牌'} ${f.case} ${f.itemName}（${f.window}）：应于 ${shortTime(f.due)} 前办结，${left}${f.suspended ? '，中止计时中' : ''}${f.deemedAccepted ? '，未按时补正告知视为受理' : ''}；责任人 ${f.responsible.name}（${ROLE[f.responsible.role]}）`,
        );
      }
      for (const e of report.errors) out.push(`  无法计算 ${e.case}：${e.message}`);
      process.stdout.write(`${out.join('\n')}\n`);
    });
  });
}
