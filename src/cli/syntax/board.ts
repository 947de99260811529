import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface BoardFlags {
  out?: string;
  pdf?: string;
  screen?: boolean;
  date?: string;
  complaints?: string;
  rules: string;
}

export function boardSyntax(program: Command, run: Run): void {
  program
    .command('board')
    .description('生成政务公开栏：中心概况、窗口和AB岗人员、服务承诺、全部事项（按窗口）、预公开、领导带班值班表、投诉方式和处理结果')
    .option('--out <文件>', '输出 HTML 文件（不写且无 --pdf 时输出到标准输出）')
    .option('--pdf <文件>', '同时输出 A4 PDF（每个事项另起一页）')
    .option('--screen', '生成大厅显示屏用的大字页面（而不是 A4 打印版）')
    .option('--date <日期>', '公布日期 YYYY-MM-DD，默认今天（北京时间）：决定适用的事项版本和值班表月份')
    .option('--complaints <文件>', '近期投诉处理结果（JSON/YAML：{complaints: [...]}），公布时投诉人姓名脱敏')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action((opts: BoardFlags) => run(async (ctx) => (await import('../commands/board.ts')).board(ctx, opts)));
}
