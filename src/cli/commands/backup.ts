import type { Context } from '../context.ts';
import { printJson, runWithRecords } from '../records-context.ts';
import type { BackupFlags } from '../syntax/backup.ts';

export function backup(ctx: Context, opts: BackupFlags): Promise<number> {
  // Read-only: works while the service is writing; each file's copy is consistent.
  return runWithRecords(ctx, opts, 'read', async (records) => {
    const result = await records.backup(opts.to === undefined ? undefined : ctx.file(opts.to));
    if (opts.json) return printJson(ctx, result);
    const counts = Object.entries(result.counts)
      .map(([name, n]) => `${name} ${n} 条`)
      .join('，');
    const { blobs, drafts } = result.workbench;
    const workbench = blobs + drafts > 0 ? `；工作台：规则包历史文件 ${blobs} 个，草稿 ${drafts} 份` : '';
    ctx.stdout.write(`已备份到 ${result.dir}：${result.files.length} 个文件，校验通过（${counts || '无记录'}）${workbench}\n`);
  });
}
