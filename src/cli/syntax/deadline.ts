import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface DeadlineFlags {
  item: string;
  acceptedAt: string;
  suspend: string[];
  rules: string;
  json?: boolean;
}

export function deadlineSyntax(program: Command, run: Run): void {
  program
    .command('deadline')
    .description('计算事项的承诺期限和法定期限（自受理时起算，暂停计时的期间不计入）')
    .requiredOption('--item <编码>', '事项编码，例如 MZ-001')
    .requiredOption('--accepted-at <时间>', '受理时间（ISO 8601，北京时间），例如 2026-09-28T09:30:00+08:00')
    .option('--suspend <起/止>', '暂停计时的期间（补正、听证、检验检测、专家评审等），可重复，例如 2026-10-09T10:00/2026-10-14T15:00', collect, [])
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出')
    .action((opts: DeadlineFlags) => run(async (ctx) => (await import('../commands/deadline.ts')).deadline(ctx, opts)));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
