import { shanghaiDate, yearSummary, type YearSummary } from '../../calendar/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import { FIRST_YEAR, LAST_YEAR, type CalendarFlags } from '../syntax/calendar.ts';
import { UsageError } from '../usage-error.ts';

export async function calendar(ctx: Context, opts: CalendarFlags): Promise<number> {
  const year = opts.year === undefined ? Number(shanghaiDate(Date.now()).slice(0, 4)) : Number(opts.year);
  if (!/^\d{4}$/.test(opts.year ?? String(year)) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new UsageError('E-USAGE-OPTION', `--year 的值 '${opts.year}' 无效，应为 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间的四位年份，例如 --year 2026`);
  }
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const summary = yearSummary(pack.calendar, year);
  ctx.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + '\n' : render(summary));
  return EXIT.ok;
}

function render(s: YearSummary): string {
  const source =
    s.source === 'pack'
      ? `规则包 calendar/${s.year}.yaml，${s.provenance}${s.official === false ? '（预排，尚未由国务院正式公布）' : ''}`
      : s.source === 'package'
        ? `${s.provenance}（规则包未收录该年）`
        : s.source === 'statutory'
          ? `${s.provenance}（规则包和内置数据均未收录该年，尚未由国务院正式公布）`
          : '无（规则包和内置数据均未收录该年，只按周末推算）';
  const lines = [`${s.year} 年节假日安排`, `来源：${source}`, '', '放假安排：'];
  if (s.holidays.length === 0) lines.push('  （无）');
  for (const h of s.holidays) lines.push(`  ${h.name}：${h.from === h.to ? h.from : `${h.from} 至 ${h.to}`}，共 ${h.days} 天`);
  lines.push('', '调休上班日：');
  if (s.workdays.length === 0) lines.push('  （无）');
  for (const w of s.workdays) lines.push(`  ${w.date}（${w.weekday}）${w.name}`);
  lines.push('', '各月工作日：');
  for (const m of s.months) lines.push(`  ${String(m.month).padStart(2, ' ')} 月：${m.workingDays} 个工作日（共 ${m.calendarDays} 天）`);
  lines.push(`  全年：${s.workingDays} 个工作日`);
  for (const w of s.warnings) lines.push('', `警告 [${w.code}] ${w.message}`);
  return lines.join('\n') + '\n';
}
