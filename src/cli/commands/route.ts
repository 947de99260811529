import type { RouteMatch } from '../../engine/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { RouteFlags } from '../syntax/route.ts';
import { UsageError } from '../usage-error.ts';

const KIND = { item: '事项', referral: '转办', window: '窗口' } as const;

export async function route(ctx: Context, query: string, opts: RouteFlags): Promise<number> {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('E-USAGE-OPTION', `--limit 的值 '${opts.limit}' 无效，应为 1 到 100 的整数`);
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const found = pack.route(query, { limit });
  if (opts.json) ctx.stdout.write(JSON.stringify(found, null, 2) + '\n');
  else if (found.length === 0) {
    const consult = pack.data.center.windows.slice().sort((a, b) => a.number - b.number)[0];
    ctx.stdout.write(`未找到与“${query}”相关的事项或窗口。${consult ? `请引导到 ${consult.number}号${consult.name}，` : ''}或拨打咨询电话 ${pack.data.center.center.phones.consult}。\n`);
  } else {
    ctx.stdout.write(found.map((m, i) => `${i + 1}. ${line(m)}`).join('\n') + '\n');
  }
  // Like grep: no match is exit code 1, so scripts can tell.
  return found.length > 0 ? EXIT.ok : EXIT.invalid;
}

function line(m: RouteMatch): string {
  const head = `[${KIND[m.kind]}] ${m.code ? `${m.code} ` : ''}${m.name}`;
  const why = `（匹配：${m.matched}）`;
  if (m.kind === 'referral') {
    return `${head} → 不属本中心办理，请到 ${m.organ}${m.address ? `，地址：${m.address}` : ''}${m.phone ? `，电话：${m.phone}` : ''}${why}`;
  }
  const w = m.window;
  const to = w ? `${w.number}号窗口 ${w.name}${w.location ? `（${w.location}）` : ''}` : '（未设窗口）';
  return m.kind === 'window' ? `[窗口] ${to}${m.department ? `，${m.department}` : ''}${why}` : `${head} → ${to}${m.department ? `，${m.department}` : ''}${why}`;
}
