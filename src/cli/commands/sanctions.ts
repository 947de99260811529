import { DISCIPLINE_FACT_LABELS } from '../../pack/index.ts';
import type { Command } from 'commander';
import { printJson, runWithRecords, withRecordsOptions, type RecordsFlags } from '../records-context.ts';

interface SanctionsFlags extends RecordsFlags {
  at?: string;
  all?: boolean;
}

const FACT_LABELS: Readonly<Record<string, string>> = DISCIPLINE_FACT_LABELS;

export function registerSanctions(program: Command): void {
  withRecordsOptions(
    program
      .command('sanctions')
      .description('责任追究：按 policy.yaml 的追究规则，列出统计区间内每位工作人员应受的处理及其依据（投诉、超时办件等）')
      .option('--at <时间>', '截至时间（ISO 8601），默认当前时间')
      .option('--all', '列出全部工作人员（包括没有处理的）'),
  ).action(async (opts: SanctionsFlags) => {
    await runWithRecords(opts, 'read', async (records) => {
      const report = await records.sanctions({ ...(opts.at ? { now: opts.at } : {}), all: opts.all ?? false });
      if (opts.json) return printJson(report);
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
          out.push(`  → ${a.actionName}：${a.ruleName}（${a.source.file}:${a.source.line}${a.basis ? `，${a.basis.law}${a.basis.article ? a.basis.article : ''}` : ''}）`);
          if (evidence) out.push(`    依据：${evidence}`);
        }
      }
      for (const e of report.errors) out.push(`注意：办件 ${e.case} 的期限无法计算，未计入：${e.message}`);
      process.stdout.write(`${out.join('\n')}\n`);
    });
  });
}
