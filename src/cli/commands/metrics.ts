import type { Command } from 'commander';
import type { Ratio } from '../../records/index.ts';
import { UsageError } from '../exit.ts';
import { percent, printJson, runWithRecords, withRecordsOptions, type RecordsFlags } from '../records-context.ts';

interface MetricsFlags extends RecordsFlags {
  month?: string;
  period?: string;
  at?: string;
  staff?: string;
}

function ratio(r: Ratio): string {
  return r.denominator === 0 ? '—' : `${percent(r.rate)}（${r.numerator}/${r.denominator}）`;
}

export function registerMetrics(program: Command): void {
  withRecordsOptions(
    program
      .command('metrics')
      .description('综合考评指标：每位工作人员和每个窗口的及时办结率、咨询首问受理率、首问事项办结率、投诉数，以及按 policy.yaml 评定的等级')
      .option('--month <月份>', '考评月份，例如 2026-11')
      .option('--period <期间>', '其他期间：2026（年）、2026-Q4（季度）、2026-H2（半年）')
      .option('--staff <标识>', '只看一位工作人员')
      .option('--at <时间>', '计算时间（ISO 8601），默认当前时间'),
  ).action(async (opts: MetricsFlags) => {
    await runWithRecords(opts, 'read', async (records) => {
      if (!opts.month && !opts.period) throw new UsageError('请用 --month（例如 2026-11）或 --period（例如 2026、2026-Q4）指定考评期间');
      if (opts.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UsageError(`--month ${JSON.stringify(opts.month)} 格式不正确，应为 YYYY-MM，例如 2026-11`);
      const report = await records.metrics((opts.month ?? opts.period)!, opts.at ? { now: opts.at } : {});
      const staff = opts.staff ? report.staff.filter((s) => s.staff === opts.staff) : report.staff;
      if (opts.staff && staff.length === 0) throw new UsageError(`工作人员 ${opts.staff} 不在规则包中，也没有记录`);
      if (opts.json) return printJson({ ...report, staff, windows: opts.staff ? [] : report.windows });
      const s = report.standards;
      const out = [
        `综合考评指标：${report.period.label}（计算至 ${report.asOf.slice(0, 16).replace('T', ' ')}）`,
        `标准：咨询首问受理率 ≥ ${percent(s.firstInquiryAcceptanceRate)}，首问事项办结率 ≥ ${percent(s.firstInquiryCompletionRate)}，及时办结率 ≥ ${percent(s.timelyCompletionRate)}`,
        '',
        '工作人员：',
      ];
      for (const m of staff) {
        out.push(`  ${m.name}（${m.staff}）：${m.grade}${m.meetsStandards ? '' : '（未达标）'}`);
        out.push(`    及时办结率 ${ratio(m.timelyCompletion)}；咨询首问受理率 ${ratio(m.firstInquiryAcceptance)}；首问事项办结率 ${ratio(m.firstInquiryCompletion)}；投诉 ${m.complaints.received} 件（查实 ${m.complaints.verified} 件）`);
      }
      if (!opts.staff) {
        out.push('', '窗口：');
        for (const w of report.windows) {
          out.push(`  ${w.name}：及时办结率 ${ratio(w.timelyCompletion)}；咨询首问受理率 ${ratio(w.firstInquiryAcceptance)}；首问事项办结率 ${ratio(w.firstInquiryCompletion)}；投诉 ${w.complaints.received} 件（查实 ${w.complaints.verified} 件）`);
        }
      }
      for (const e of report.errors) out.push(`注意：办件 ${e.case} 的期限无法计算，未计入：${e.message}`);
      out.push('', '说明：— 表示本期没有应计的件数（按达标计）。');
      process.stdout.write(`${out.join('\n')}\n`);
    });
  });
}
