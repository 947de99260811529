import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface GuideFlags {
  item: string;
  out?: string;
  date?: string;
  publicUrl?: string;
  rules: string;
}

export function guideSyntax(program: Command, run: Run): void {
  program
    .command('guide')
    .description('生成一个事项的办事指南（可打印的 HTML 或 PDF）：依据、条件、材料、程序、时限、收费、地点和电话，以及已公布的变更')
    .requiredOption('--item <编码>', '事项编码，例如 MZ-001')
    .option('--out <文件>', '输出文件：.html 或 .pdf（不写则把 HTML 输出到标准输出）')
    .option('--date <日期>', '按哪一天有效的规定生成（YYYY-MM-DD），默认今天（北京时间）')
    .option('--public-url <网址>', '服务的公网地址：指南印出二维码，扫码打开 网址/v1/items/事项编码/guide')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action((opts: GuideFlags) => run(async (ctx) => (await import('../commands/guide.ts')).guide(ctx, opts)));
}
