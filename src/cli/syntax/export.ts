import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface ExportFlags {
  format: string;
  out: string;
  rules: string;
}

export function exportSyntax(program: Command, run: Run): void {
  program
    .command('export')
    .description('导出事项：把规则包的全部事项按国家政务服务事项实施清单交换格式写成 JSON，供省级一体化政务服务平台同步（字段对照见 README）')
    .requiredOption('--format <格式>', '交换格式：national 国家实施清单交换格式')
    .requiredOption('--out <文件>', '写入的 JSON 文件')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action((opts: ExportFlags) => run(async (ctx) => (await import('../commands/export.ts')).exportItems(ctx, opts)));
}
