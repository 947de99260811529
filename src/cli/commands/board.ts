import { dataLocation } from '../records-context.ts';
import {
  BOARD_LAYOUTS,
  boardOptionProblem,
  DocumentError,
  PAPERS,
  parseAnnouncementInput,
  parseComplaintsInput,
  readInputFile,
  renderBoard,
  type BoardLayout,
  type BoardRenderOptions,
} from '../../documents/index.ts';
import { openRecords } from '../../records/index.ts';
import { boardComplaints, boardCompletions, boardReviews } from '../../server/index.ts';
import { publicUrlFlag } from '../server-flags.ts';
import type { Context } from '../context.ts';
import { emit } from '../emit.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { BoardFlags } from '../syntax/board.ts';
import { dateFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, labels: string): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new UsageError('E-USAGE-OPTION', `${flag} 的值 ${JSON.stringify(value)} 不正确；可选：${labels}`);
  return found;
}

export async function board(ctx: Context, opts: BoardFlags): Promise<number> {
  if (opts.date !== undefined) dateFlag(opts.date, '--date');
  const layout: BoardLayout = choice(opts.layout, BOARD_LAYOUTS, '--layout', 'center（中心公开栏）、window（窗口公示牌）、binder（办事指南汇编）') ?? 'binder';
  const paper = choice(opts.paper, PAPERS, '--paper', PAPERS.join('、'));
  const publicUrl = publicUrlFlag(opts.publicUrl);
  if (publicUrl !== undefined && layout !== 'window') throw new UsageError('E-USAGE-OPTION', '--public-url 用于窗口公示牌的二维码，请与 --layout window 一起用');
  if (opts.complaints && layout !== 'binder') throw new UsageError('E-USAGE-OPTION', '--complaints 是汇编的“投诉处理结果”，只用于 --layout binder');
  if (opts.completions && layout !== 'center') throw new UsageError('E-USAGE-OPTION', '--completions 是中心公开栏的“近期办结公告”，只用于 --layout center');
  if (opts.screen && opts.pdf) throw new UsageError('E-USAGE-OPTION', '--screen 是显示屏页面，不能同时用 --pdf 打印；请分别生成');
  if (opts.pdf && !/\.pdf$/i.test(opts.pdf)) throw new UsageError('E-USAGE-OPTION', `--pdf 的文件名应以 .pdf 结尾：${opts.pdf}`);
  if (opts.out && /\.pdf$/i.test(opts.out)) throw new UsageError('E-USAGE-OPTION', '--out 输出 HTML；PDF 请用 --pdf');
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;

  const base: BoardRenderOptions = { layout, window: opts.window, paper, publicUrl, screen: opts.screen === true, ...(opts.date ? { date: opts.date } : {}) };
  const problem = boardOptionProblem(pack.data, base);
  if (problem) throw new DocumentError(problem.error.code, problem.error.detail, { path: `--${problem.option}` });

  // What the records give the board (read only, so it works while the service writes), then the files named.
  let fromRecords: Pick<BoardRenderOptions, 'complaints' | 'completions' | 'reviews'> = {};
  if (opts.data) {
    const records = await openRecords(dataLocation(ctx, opts.data), pack, { readonly: true });
    try {
      const month = (opts.date ?? new Date(Date.now() + 8 * 3_600_000).toISOString()).slice(0, 7);
      fromRecords = {
        ...(layout === 'binder' ? { complaints: boardComplaints(records, pack.data) } : {}),
        ...(layout === 'center' ? { completions: boardCompletions(records, pack.data) } : {}),
        ...(layout !== 'window' && !opts.screen ? { reviews: boardReviews(records, pack.data, month) } : {}),
      };
    } finally {
      await records.close();
    }
  }
  const complaints = opts.complaints ? parseComplaintsInput((await readInputFile(ctx.file(opts.complaints))).data, `${opts.complaints} `).complaints : fromRecords.complaints;
  const completions = opts.completions ? parseAnnouncementInput((await readInputFile(ctx.file(opts.completions))).data, `${opts.completions} `).entries : fromRecords.completions;
  if (layout === 'binder' && !complaints) ctx.stderr.write('提示：未提供 --complaints 或 --data，汇编的“投诉处理结果”一栏将显示为本期无\n');
  if (layout === 'center' && !completions) ctx.stderr.write('提示：未提供 --completions 或 --data，中心公开栏的“近期办结公告”将显示为近期无\n');
  if (layout === 'window' && publicUrl === undefined) ctx.stderr.write('提示：未提供 --public-url，窗口公示牌不印办事指南二维码\n');
  const options: BoardRenderOptions = { ...base, complaints, completions, reviews: fromRecords.reviews };
  const doc = renderBoard(pack.data, options);
  if (opts.out || !opts.pdf) await emit(ctx, doc, opts.out);
  // A poster carries no page footer; the binder is numbered, its contents giving each item's page.
  if (opts.pdf) {
    await emit(ctx, doc, opts.pdf, layout === 'binder' ? { paper: 'A4', paged: (pages) => (pages ? renderBoard(pack.data, { ...options, pages }).html : doc.html) } : { paper: paper ?? 'A3', pageNumbers: false });
  }
  return EXIT.ok;
}
