import { LABELS } from '../../documents/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { ItemsFlags } from '../syntax/items.ts';
import { instantFlag } from '../time-flags.ts';

const MODE = { immediate: '即办件', promised: '承诺件', reported: '上报件', joint: '联办件', petition: '信访件' } as const;
const NECESSITY = LABELS.necessity;

export async function items(ctx: Context, opts: ItemsFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const items = pack.listItems(opts.at === undefined ? {} : { at: opts.at });
  if (opts.json) ctx.stdout.write(JSON.stringify(items, null, 2) + '\n');
  else {
    const lines: string[] = [];
    for (const it of items) {
      const w = it.window ? `${it.window.number}号窗口 ${it.window.name}` : '（未设窗口）';
      lines.push(`${it.code} ${it.name}（${MODE[it.mode]}）→ ${w}`);
      lines.push(`    材料：${it.materials.map((m) => `${m.name}[${NECESSITY[m.necessity]}]`).join('、')}`);
    }
    lines.push(`共 ${items.length} 个事项`);
    ctx.stdout.write(lines.join('\n') + '\n');
  }
  return EXIT.ok;
}
