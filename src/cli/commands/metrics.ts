import type { FollowUpTally, Ratio, ReviewFigures } from '../../records/index.ts';
import type { Context } from '../context.ts';
import { percent, printJson, runWithRecords } from '../records-context.ts';
import type { MetricsFlags } from '../syntax/metrics.ts';
import { instantFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

function ratio(r: Ratio): string {
  return r.denominator === 0 ? '—' : `${percent(r.rate)}（${r.numerator}/${r.denominator}）`;
}

function followUps(t: FollowUpTally): string {
  return `按期 ${t.done}、逾期完成 ${t.late}、未到期 ${t.pending}、逾期未完成 ${t.overdue}`;
}

/** 好差评 figures: counts, satisfaction, and where each bad review's follow-ups stand. */
function reviews(r: ReviewFigures): string {
  const struck = r.struck > 0 ? `（另有 ${r.struck} 条差评经申诉复核撤销，不计入）` : '';
  const head = `评价 ${r.total} 条，差评 ${r.bad} 条，满意率 ${ratio(r.satisfaction)}${struck}`;
  return r.bad === 0 ? head : `${head}；差评回访：${followUps(r.callback)}；整改反馈：${followUps(r.rectification)}`;
}

export function metrics(ctx: Context, opts: MetricsFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'read', async (records) => {
    if (!opts.month && !opts.period) throw new UsageError('E-USAGE-OPTION', '请用 --month（例如 2026-11）或 --period（例如 2026、2026-Q4）指定考评期间');
    if (opts.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UsageError('E-USAGE-OPTION', `--month ${JSON.stringify(opts.month)} 格式不正确，应为 YYYY-MM，例如 2026-11`);
    const report = await records.metrics((opts.month ?? opts.period)!, opts.at ? { now: opts.at } : {});
    const staff = opts.staff ? report.staff.filter((s) => s.staff === opts.staff) : report.staff;
    if (opts.staff && staff.length === 0) throw new UsageError('E-USAGE-OPTION', `工作人员 ${opts.staff} 不在规则包中，也没有记录`);
    if (opts.json) return printJson(ctx, { ...report, staff, windows: opts.staff ? [] : report.windows });
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
      out.push(`    ${reviews(m.reviews)}`);
    }
    if (!opts.staff) {
      out.push('', '窗口：');
      for (const w of report.windows) {
        out.push(`  ${w.name}：及时办结率 ${ratio(w.timelyCompletion)}；咨询首问受理率 ${ratio(w.firstInquiryAcceptance)}；首问事项办结率 ${ratio(w.firstInquiryCompletion)}；投诉 ${w.complaints.received} 件（查实 ${w.complaints.verified} 件）`);
        out.push(`    ${reviews(w.reviews)}`);
      }
    }
    for (const e of report.errors) out.push(`注意：办件 ${e.case} 的期限无法计算，未计入：${e.message}`);
    out.push('', '说明：— 表示本期没有应计的件数（按达标计）。');
    ctx.stdout.write(`${out.join('\n')}\n`);
  });
}
