import type { Command } from 'commander';
import type { FIRST_YEAR as FirstYear, LAST_YEAR as LastYear } from '../../calendar/index.ts';
import type { Run } from '../context.ts';

// The calendar's range, restated so that --help loads no calendar data; the types tie them to it.
export const FIRST_YEAR: typeof FirstYear = 2000;
export const LAST_YEAR: typeof LastYear = 2100;

export interface CalendarFlags {
  year?: string;
  rules: string;
  json?: boolean;
}

export function calendarSyntax(program: Command, run: Run): void {
  program
    .command('calendar')
    .description('列出某一年的节假日、调休上班日和各月工作日天数（规则包未收录的年份按内置数据或只按周末，并给出警告）')
    .option('--year <年份>', `年份（${FIRST_YEAR}–${LAST_YEAR}），默认今年`)
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出')
    .action((opts: CalendarFlags) => run(async (ctx) => (await import('../commands/calendar.ts')).calendar(ctx, opts)));
}
