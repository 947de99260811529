import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface BoardFlags {
  layout?: string;
  window?: string;
  paper?: string;
  publicUrl?: string;
  out?: string;
  pdf?: string;
  screen?: boolean;
  date?: string;
  complaints?: string;
  completions?: string;
  data?: string;
  rules: string;
}

export function boardSyntax(program: Command, run: Run): void {
  program
    .command('board')
    .description('生成政务公开栏：中心公开栏（一张）、窗口公示牌（每个窗口一张，附办事指南二维码）或办事指南汇编（全部事项，带目录和页码）')
    .option('--layout <版式>', 'center 中心公开栏；window 窗口公示牌；binder 办事指南汇编（默认）')
    .option('--window <窗口>', '只生成这个窗口的公示牌（center.yaml 中窗口的 id），用于 --layout window')
    .option('--paper <纸张>', '中心公开栏和窗口公示牌的纸张：A4、A3（默认）、A1、A0，字号随纸张放大；汇编只印 A4')
    .option('--public-url <网址>', '服务的公网地址：窗口公示牌上每个事项印出二维码，扫码打开 网址/v1/items/事项编码/guide')
    .option('--out <文件>', '输出 HTML 文件（不写且无 --pdf 时输出到标准输出）')
    .option('--pdf <文件>', '同时输出 PDF：公开栏和公示牌按纸张每张一页，汇编为 A4、每个事项另起一页，目录带页码')
    .option('--screen', '生成大厅显示屏用的大字页面（汇编版式的内容）')
    .option('--date <日期>', '公布日期 YYYY-MM-DD，默认今天（北京时间）：决定适用的事项版本、值班表和“好差评”的月份')
    .option('--complaints <文件>', '近期投诉处理结果（JSON/YAML：{complaints: [...]}），公布时投诉人姓名脱敏')
    .option('--completions <文件>', '近期办结记录（JSON/YAML：{entries: [...]}，同 render --doc announcement），中心公开栏的“近期办结公告”，申请人脱敏')
    .option('--data <目录>', '从数据目录（登记簿，只读）取近期投诉处理结果、办结公告和本月“好差评”，同服务的公开栏')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action((opts: BoardFlags) => run(async (ctx) => (await import('../commands/board.ts')).board(ctx, opts)));
}
