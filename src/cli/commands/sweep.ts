import { describeDuration } from '../../calendar/index.ts';
import type { Context } from '../context.ts';
import { printJson, runWithRecords, shortTime } from '../records-context.ts';
import type { SweepFlags } from '../syntax/sweep.ts';
import { instantFlag } from '../time-flags.ts';

const ROLE: Readonly<Record<string, string>> = { A: 'A岗', B: 'B岗顶岗', handler: '经办人' };

export function sweep(ctx: Context, opts: SweepFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'read', async (records) => {
    const report = records.sweep(opts.at ? { now: opts.at } : {});
    if (opts.json) return printJson(ctx, report);
    const out = [`电子监察（${shortTime(report.asOf)}）：在办 ${report.open} 件，正常 ${report.normal} 件，黄牌 ${report.yellow} 件，红牌 ${report.red} 件`];
    for (const f of report.flagged) {
      const left = f.remaining.amount < 0 ? `已超期 ${describeDuration({ amount: -f.remaining.amount, unit: f.remaining.unit as 'workingDays' })}` : `剩余 ${describeDuration({ amount: f.remaining.amount, unit: f.remaining.unit as 'workingDays' })}`;
      out.push(
        `  ${f.level === 'red' ? '红牌' : '黄牌'} ${f.case} ${f.itemName}（${f.window}）：应于 ${shortTime(f.due)} 前办结，${left}${f.suspended ? '，中止计时中' : ''}${f.deemedAccepted ? '，未按时补正告知视为受理' : ''}；责任人 ${f.responsible.name}（${ROLE[f.responsible.role]}）`,
      );
    }
    // 环节超时: a step late (or nearly) while the item clock may still be normal.
    for (const st of report.steps) {
      const left = st.remaining.amount < 0 ? `已超期 ${describeDuration({ amount: -st.remaining.amount, unit: st.remaining.unit as 'workingDays' })}` : `剩余 ${describeDuration({ amount: st.remaining.amount, unit: st.remaining.unit as 'workingDays' })}`;
      out.push(`  ${st.level === 'red' ? '环节超时 红牌' : '环节预警 黄牌'} ${st.case} ${st.itemName}（${st.window}）：环节“${st.step.name}”应于 ${shortTime(st.due)} 前完成，${left}${st.suspended ? '，中止计时中' : ''}；责任人 ${st.responsible.name}（${ROLE[st.responsible.role]}）`);
    }
    for (const p of report.postChecks) {
      out.push(`  ${p.level === 'red' ? '红牌' : '黄牌'} ${p.case} ${p.itemName}（${p.window}）：告知承诺核查应于 ${shortTime(p.due)} 前完成（${p.materials.map((m) => m.name).join('、')}）${p.level === 'red' ? '，已超期' : ''}${p.by ? `；核查：${p.by}` : ''}；责任人 ${p.responsible.name}`);
    }
    // 特殊环节: the item clock is suspended (frozen); the special step's own limit is what runs.
    for (const sp of report.specialSteps) {
      const left = sp.remaining.amount < 0 ? `已超期 ${describeDuration({ amount: -sp.remaining.amount, unit: sp.remaining.unit as 'workingDays' })}` : `剩余 ${describeDuration({ amount: sp.remaining.amount, unit: sp.remaining.unit as 'workingDays' })}`;
      out.push(`  ${sp.level === 'red' ? '特殊环节超时 红牌' : '特殊环节预警 黄牌'} ${sp.case} ${sp.itemName}（${sp.window}）：特殊环节“${sp.specialStep.name}”自 ${shortTime(sp.startedAt)} 起中止计时，应于 ${shortTime(sp.due)} 前完成，${left}；责任人 ${sp.responsible.name}（${ROLE[sp.responsible.role]}）`);
    }
    for (const e of report.errors) out.push(`  无法计算 ${e.case}：${e.message}`);
    ctx.stdout.write(`${out.join('\n')}\n`);
  });
}
