import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface ImportFlags {
  format: string;
  input: string;
  rules: string;
}

export function importSyntax(program: Command, run: Run): void {
  program
    .command('import')
    .description('导入事项：读入国家实施清单交换格式的 JSON，写成规则包的事项文件；已有的事项（按本地事项编码，或业务办理项编码、实施编码对应）只改写国家要素，规则包自有的内容和注释保留，新事项写入 items/<编码>.yaml')
    .requiredOption('--format <格式>', '交换格式：national 国家实施清单交换格式')
    .requiredOption('--input <文件>', '读入的 JSON 文件')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action((opts: ImportFlags) => run(async (ctx) => (await import('../commands/import.ts')).importItems(ctx, opts)));
}
