import type { Command } from 'commander';
import { DocumentError, parseComplaintsInput, renderBoard } from '../../documents/index.ts';
import { readInputFile } from '../../documents/index.ts';
import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';
import { emit } from './render.ts';

interface BoardFlags {
  out?: string;
  pdf?: string;
  screen?: boolean;
  date?: string;
  complaints?: string;
  rules: string;
}

export function registerBoard(program: Command): void {
  program
    .command('board')
    .description('生成政务公开栏：中心概况、窗口和AB岗人员、服务承诺、全部事项（按窗口）、预公开、领导带班值班表、投诉方式和处理结果')
    .option('--out <文件>', '输出 HTML 文件（不写且无 --pdf 时输出到标准输出）')
    .option('--pdf <文件>', '同时输出 A4 PDF（每个事项另起一页）')
    .option('--screen', '生成大厅显示屏用的大字页面（而不是 A4 打印版）')
    .option('--date <日期>', '公布日期 YYYY-MM-DD，默认今天（北京时间）：决定适用的事项版本和值班表月份')
    .option('--complaints <文件>', '近期投诉处理结果（JSON/YAML：{complaints: [...]}），公布时投诉人姓名脱敏')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action(async (opts: BoardFlags, cmd: Command) => {
      if (opts.screen && opts.pdf) cmd.error('错误：--screen 是显示屏页面，不能同时用 --pdf 打印；请分别生成', { exitCode: EXIT.usage });
      if (opts.pdf && !/\.pdf$/i.test(opts.pdf)) cmd.error(`错误：--pdf 的文件名应以 .pdf 结尾：${opts.pdf}`, { exitCode: EXIT.usage });
      if (opts.out && /\.pdf$/i.test(opts.out)) cmd.error('错误：--out 输出 HTML；PDF 请用 --pdf', { exitCode: EXIT.usage });
      const pack = await openPack(opts.rules);
      if (!pack) return;
      try {
        const complaints = opts.complaints ? parseComplaintsInput((await readInputFile(opts.complaints)).data, `${opts.complaints} `).complaints : [];
        if (!opts.complaints) process.stderr.write('提示：未提供 --complaints，公开栏“投诉处理结果”一栏将显示为本期无\n');
        const doc = renderBoard(pack.data, { ...(opts.date ? { date: opts.date } : {}), complaints, screen: opts.screen === true });
        if (opts.out || !opts.pdf) await emit(doc, opts.out);
        if (opts.pdf) await emit(doc, opts.pdf);
        process.exitCode = EXIT.ok;
      } catch (err) {
        if (!(err instanceof DocumentError)) throw err;
        process.stderr.write(`错误：${err.message}\n`);
        process.exitCode = EXIT.invalid;
      }
    });
}
