import type { Command } from 'commander';
import type { RouteMatch } from '../../engine/index.ts';
import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';

const KIND = { item: '事项', referral: '转办', window: '窗口' } as const;

export function registerRoute(program: Command): void {
  program
    .command('route')
    .description('首问负责引导：按编码、名称、关键词或窗口号查找应去的窗口或机关，例如 bianmin route "低保"')
    .argument('<关键词>', '事项编码、名称、关键词、窗口号，或群众的原话')
    .option('--limit <条数>', '最多列出几条', '10')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出')
    .action(async (query: string, opts: { limit: string; rules: string; json?: boolean }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) cmd.error(`错误：--limit 的值 '${opts.limit}' 无效，应为 1 到 100 的整数`);
      const pack = await openPack(opts.rules);
      if (!pack) return;
      const found = pack.route(query, { limit });
      if (opts.json) process.stdout.write(JSON.stringify(found, null, 2) + '\n');
      else if (found.length === 0) {
        const consult = pack.data.center.windows.slice().sort((a, b) => a.number - b.number)[0];
        process.stdout.write(`未找到与“${query}”相关的事项或窗口。${consult ? `请引导到 ${consult.number}号${consult.name}，` : ''}或拨打咨询电话 ${pack.data.center.center.phones.consult}。\n`);
      } else {
        process.stdout.write(found.map((m, i) => `${i + 1}. ${line(m)}`).join('\n') + '\n');
      }
      // Like grep: no match is exit code 1, so scripts can tell.
      process.exitCode = found.length > 0 ? EXIT.ok : EXIT.invalid;
    });
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
