import { parseComplaintsInput, readInputFile, renderBoard } from '../../documents/index.ts';
import type { Context } from '../context.ts';
import { emit } from '../emit.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { BoardFlags } from '../syntax/board.ts';
import { dateFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

export async function board(ctx: Context, opts: BoardFlags): Promise<number> {
  if (opts.date !== undefined) dateFlag(opts.date, '--date');
  if (opts.screen && opts.pdf) throw new UsageError('E-USAGE-OPTION', '--screen 是显示屏页面，不能同时用 --pdf 打印；请分别生成');
  if (opts.pdf && !/\.pdf$/i.test(opts.pdf)) throw new UsageError('E-USAGE-OPTION', `--pdf 的文件名应以 .pdf 结尾：${opts.pdf}`);
  if (opts.out && /\.pdf$/i.test(opts.out)) throw new UsageError('E-USAGE-OPTION', '--out 输出 HTML；PDF 请用 --pdf');
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const complaints = opts.complaints ? parseComplaintsInput((await readInputFile(ctx.file(opts.complaints))).data, `${opts.complaints} `).complaints : [];
  if (!opts.complaints) ctx.stderr.write('提示：未提供 --complaints，公开栏“投诉处理结果”一栏将显示为本期无\n');
  const doc = renderBoard(pack.data, { ...(opts.date ? { date: opts.date } : {}), complaints, screen: opts.screen === true });
  if (opts.out || !opts.pdf) await emit(ctx, doc, opts.out);
  if (opts.pdf) await emit(ctx, doc, opts.pdf);
  return EXIT.ok;
}
