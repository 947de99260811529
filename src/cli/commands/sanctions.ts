import { DISCIPLINE_FACT_LABELS } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { printJson, runWithRecords } from '../records-context.ts';
import type { SanctionsFlags } from '../syntax/sanctions.ts';
import { instantFlag } from '../time-flags.ts';

const FACT_LABELS: Readonly<Record<string, string>> = DISCIPLINE_FACT_LABELS;

export function sanctions(ctx: Context, opts: SanctionsFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'read', async (records) => {
    const report = await records.sanctions({ ...(opts.at ? { now: opts.at } : {}), all: opts.all ?? false });
    if (opts.json) return printJson(ctx, report);
    const out = [`责任追究（统计区间：${report.countingWindow.label}）`];
    if (report.staff.length === 0) out.push('  统计区间内没有应追究的情形');
    for (const s of report.staff) {
      const facts = Object.entries(s.facts)
        .filter(([, n]) => n > 0)
        .map(([f, n]) => `${FACT_LABELS[f] ?? f} ${n} 次`)
        .join('，');
      out.push(`${s.name}（${s.staff}）：${facts || '无'}`);
      for (const a of s.actions) {
        const ev = a.evidence;
        const evidence = [
          ev.complaints.length ? `投诉 ${ev.complaints.join('、')}` : '',
          ev.cases.length ? `办件 ${ev.cases.join('、')}` : '',
          ev.incidents.length ? `监察记录 ${ev.incidents.join('、')}` : '',
          ev.reviews.length ? `评价 ${ev.reviews.join('、')}` : '',
        ]
          .filter(Boolean)
          .join('；');
        out.push(`  → ${a.actionName}：${a.ruleName}（${a.source.file}:${a.source.line}${a.effectiveFrom ? `，自 ${a.effectiveFrom} 起施行的规则` : ''}${a.basis ? `，${a.basis.law}${a.basis.article ? a.basis.article : ''}` : ''}）`);
        if (evidence) out.push(`    依据：${evidence}`);
      }
    }
    for (const e of report.errors) out.push(`注意：办件 ${e.case} 的期限无法计算，未计入：${e.message}`);
    ctx.stdout.write(`${out.join('\n')}\n`);
  });
}
