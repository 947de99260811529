import { isDatabaseUrl, restoreRecords, type TransferResult } from '../../records/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { dataLocation, printJson } from '../records-context.ts';
import type { MigrateFlags, RestoreFlags } from '../syntax/restore.ts';
import { UsageError } from '../usage-error.ts';

export async function restore(ctx: Context, source: string, opts: RestoreFlags): Promise<number> {
  const result = await restoreRecords(ctx.file(source), dataLocation(ctx, opts.data), 'restore');
  return report(ctx, result, opts.json === true, `已从 ${source} 恢复到`);
}

export async function migrate(ctx: Context, opts: MigrateFlags): Promise<number> {
  if (!isDatabaseUrl(opts.to)) throw new UsageError('E-USAGE-OPTION', `--to 须是 postgres:// 数据库地址（收到 ${JSON.stringify(opts.to)}）；复制数据目录请用 bianmin backup`);
  if (isDatabaseUrl(opts.data)) throw new UsageError('E-USAGE-OPTION', '--data 须是数据目录；数据库之间请先 bianmin backup 再 bianmin restore');
  const result = await restoreRecords(dataLocation(ctx, opts.data), opts.to, 'migrate');
  return report(ctx, result, opts.json === true, `已把数据目录 ${opts.data} 迁入`);
}

function report(ctx: Context, result: TransferResult, json: boolean, lead: string): number {
  if (json) {
    printJson(ctx, result);
    return EXIT.ok;
  }
  const counts = Object.entries(result.counts)
    .map(([name, n]) => `${name} ${n} 条`)
    .join('，');
  ctx.stdout.write(`${lead} ${result.target}，读回校验通过（${counts || '无记录'}；公开存档 ${result.contents} 份）\n`);
  if (result.workbenchLeft.length > 0) {
    ctx.stdout.write(`工作台文件（${result.workbenchLeft.map((d) => `${d}/`).join('、')}）仍在原目录：启动服务时用 --workdir 指向它\n`);
  }
  return EXIT.ok;
}
