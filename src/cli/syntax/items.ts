import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface ItemsFlags {
  at?: string;
  rules: string;
  json?: boolean;
}

export function itemsSyntax(program: Command, run: Run): void {
  program
    .command('items')
    .description('列出全部服务事项：编码、名称、办理方式、受理窗口和申报材料')
    .option('--at <时间>', '按该时间施行的版本列出（ISO 8601），默认今天')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出 [{code, name, mode, window, materials: [{id, name, necessity}]}]')
    .action((opts: ItemsFlags) => run(async (ctx) => (await import('../commands/items.ts')).items(ctx, opts)));
}
