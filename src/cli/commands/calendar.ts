import type { Command } from 'commander';
import { FIRST_YEAR, LAST_YEAR, shanghaiDate, yearSummary, type YearSummary } from '../../calendar/index.ts';
import { formatDiagnostic, PackLoadError } from '../../pack/index.ts';
import type { Pack } from '../../engine/index.ts';
import { loadPack } from '../../documents/index.ts';
import { EXIT } from '../exit.ts';

export function registerCalendar(program: Command): void {
  program
    .command('calendar')
    .description('列出某一年的节假日、调休上班日和各月工作日天数（规则包未收录的年份按内置数据或只按周末，并给出警告）')
    .option('--year <年份>', `年份（${FIRST_YEAR}–${LAST_YEAR}），默认今年`)
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { year?: string; rules: string; json?: boolean }, cmd: Command) => {
      const year = opts.year === undefined ? Number(shanghaiDate(Date.now()).slice(0, 4)) : Number(opts.year);
      if (!/^\d{4}$/.test(opts.year ?? String(year)) || year < FIRST_YEAR || year > LAST_YEAR) {
        cmd.error(`错误：--year 的值 '${opts.year}' 无效，应为 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间的四位年份，例如 --year 2026`);
      }
      const pack = await openPack(opts.rules);
      if (!pack) return;
      const summary = yearSummary(pack.calendar, year);
      process.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + '\n' : render(summary));
    });
}

/** Loads the pack for a command; prints every diagnostic and sets exit code 1 when it is invalid. */
export async function openPack(dir: string): Promise<Pack | null> {
  try {
    return await loadPack(dir);
  } catch (err) {
    if (!(err instanceof PackLoadError)) throw err;
    for (const d of err.errors) process.stderr.write(`错误 ${formatDiagnostic(d, d.file === dir ? '' : dir)}\n`);
    process.stderr.write(`规则包 ${dir} 无法加载：${err.errors.length} 处错误（运行 bianmin validate --rules ${dir} 查看详情）\n`);
    process.exitCode = EXIT.invalid;
    return null;
  }
}

function render(s: YearSummary): string {
  const source =
    s.source === 'pack'
      ? `规则包 calendar/${s.year}.yaml，${s.provenance}${s.official === false ? '（预排，尚未由国务院正式公布）' : ''}`
      : s.source === 'package'
        ? `${s.provenance}（规则包未收录该年）`
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
