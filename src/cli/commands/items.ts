import type { Command } from 'commander';
import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';

const MODE = { immediate: '即办件', promised: '承诺件', reported: '上报件', joint: '联办件', petition: '信访件' } as const;
const NECESSITY = { core: '主件', required: '必要', deferrable: '容缺', optional: '可选' } as const;

export function registerItems(program: Command): void {
  program
    .command('items')
    .description('列出全部服务事项：编码、名称、办理方式、受理窗口和申报材料')
    .option('--at <时间>', '按该时间施行的版本列出（ISO 8601），默认今天')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出 [{code, name, mode, window, materials: [{id, name, necessity}]}]')
    .action(async (opts: { at?: string; rules: string; json?: boolean }, cmd: Command) => {
      if (opts.at !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(opts.at)) {
        cmd.error(`错误：--at 的值 '${opts.at}' 无效，应为带时区的 ISO 8601 时间，例如 2026-11-23T09:30:00+08:00`);
      }
      const pack = await openPack(opts.rules);
      if (!pack) return;
      const items = pack.listItems(opts.at === undefined ? {} : { at: opts.at });
      if (opts.json) process.stdout.write(JSON.stringify(items, null, 2) + '\n');
      else {
        const lines: string[] = [];
        for (const it of items) {
          const w = it.window ? `${it.window.number}号窗口 ${it.window.name}` : '（未设窗口）';
          lines.push(`${it.code} ${it.name}（${MODE[it.mode]}）→ ${w}`);
          lines.push(`    材料：${it.materials.map((m) => `${m.name}[${NECESSITY[m.necessity]}]`).join('、')}`);
        }
        lines.push(`共 ${items.length} 个事项`);
        process.stdout.write(lines.join('\n') + '\n');
      }
      process.exitCode = EXIT.ok;
    });
}
